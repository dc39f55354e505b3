import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { agentError } from '../errors';
import { launchd } from './launchd';
import type { PlatformCommand, PlatformService, ServicePlan, ServicePlatform } from './plan';
import { commandLine, type Runner } from './runner';
import { systemd } from './systemd';
import { taskScheduler } from './task-scheduler';

export const platformServices: Record<ServicePlatform, PlatformService> = {
  linux: systemd,
  win32: taskScheduler,
  darwin: launchd,
};

export interface ServiceTarget {
  service: PlatformService;
  plan: ServicePlan;
  /** The file install writes and uninstall removes. */
  file: string;
  /** Why the platform's commands are not run here (printed for the person to run them), or null. */
  notActivated: { vi: string; en: string } | null;
}

/** What happened, for the command to print; `manual` lists the commands left for the person. */
export interface ServiceReport {
  file: string;
  activated: boolean;
  manual: string[];
}

/** Runs the commands in order; the first that fails stops them, named with what it printed. */
function runAll(commands: PlatformCommand[], run: Runner, file: string): void {
  for (const command of commands) {
    const result = run(command);
    if (result.code !== 0 && !command.mayFail) {
      const detail = result.stderr.trim() || `exit ${String(result.code)}`;
      throw agentError(
        'service.command',
        `Lệnh "${commandLine(command)}" không thành công: ${detail} (tệp dịch vụ: ${file})`,
        `The command "${commandLine(command)}" failed: ${detail} (service file: ${file})`,
      );
    }
  }
}

/** Writes the platform's file and, where it can, registers and starts the service. */
export function installService(
  { service, plan, file, notActivated }: ServiceTarget,
  run: Runner,
): ServiceReport {
  mkdirSync(dirname(file), { recursive: true });
  const text = service.render(plan);
  writeFileSync(file, service.encoding === 'utf16le' ? `\uFEFF${text}` : text, service.encoding);
  const commands = service.activate(file, plan);
  // What only clears the way for a second install (launchctl bootout) is not asked of a person.
  if (notActivated) {
    return {
      file,
      activated: false,
      manual: commands.filter((command) => !command.mayFail).map(commandLine),
    };
  }
  // launchd opens the output files before the agent starts, and does not make their folder.
  mkdirSync(plan.logDir, { recursive: true });
  runAll(commands, run, file);
  return { file, activated: true, manual: [] };
}

/** Stops and unregisters the service, then removes the file install wrote, and only that. */
export function uninstallService(
  { service, plan, file, notActivated }: ServiceTarget,
  run: Runner,
): ServiceReport | null {
  if (!existsSync(file)) return null;
  const before = service.deactivate(file, plan);
  if (!notActivated) runAll(before, run, file);
  rmSync(file);
  if (!notActivated) runAll(service.forget, run, file);
  return {
    file,
    activated: !notActivated,
    manual: notActivated ? [...before, ...service.forget].map(commandLine) : [],
  };
}

/** Installed: the file is there. Running: as the platform answers, or null when it cannot be asked. */
export function serviceStatus(
  { service, plan, file, notActivated }: ServiceTarget,
  run: Runner,
): { installed: boolean; running: boolean | null } {
  const installed = existsSync(file);
  if (notActivated) return { installed, running: null };
  const { code, stdout } = run(service.status.query(plan));
  return { installed, running: service.status.running(code, stdout) };
}
