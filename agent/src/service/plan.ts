import { existsSync, realpathSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePaths } from '../config';

export const servicePlatforms = ['linux', 'win32', 'darwin'] as const;
export type ServicePlatform = (typeof servicePlatforms)[number];

/** What every platform's file says: which program to start, with what, and where it logs. */
export interface ServicePlan {
  /** Absolute path of the node executable running this command. */
  node: string;
  /** Absolute path of agent/bin/edulens.mjs (in the repository or the global install). */
  entry: string;
  args: string[];
  /** The agent's own variables that were set when the service was installed. */
  env: Record<string, string>;
  /** The EduLens data folder: the agent's working directory. */
  home: string;
  logDir: string;
  /** The account that logs in (Windows: DOMAIN\name) and its uid (macOS: gui/<uid>). */
  user: string;
  uid: number;
}

/** A command the platform runs to (de)activate the service; `mayFail` when failure changes nothing. */
export interface PlatformCommand {
  command: string;
  args: string[];
  mayFail?: boolean;
}

export interface PlatformService {
  /** In the words of the platform: "systemd user unit", … */
  kind: string;
  fileName: string;
  defaultDir(plan: ServicePlan, env: NodeJS.ProcessEnv): string;
  render(plan: ServicePlan): string;
  encoding: 'utf8' | 'utf16le';
  /** Whether the platform's service manager can be asked here (systemd may be installed but not running). */
  managerRunning(): boolean;
  activate(file: string, plan: ServicePlan): PlatformCommand[];
  /** Run before the file is removed: stop and disable. */
  deactivate(file: string, plan: ServicePlan): PlatformCommand[];
  /** Run after the file is removed, so the manager forgets it. */
  forget: PlatformCommand[];
  /** Asks whether the service runs; `running` reads the command's answer. */
  status: {
    query(plan: ServicePlan): PlatformCommand;
    running(code: number | null, stdout: string): boolean;
  };
}

/** The agent's variables a service must keep: the ones that choose where data lives and how it runs. */
const agentVariables = [
  'EDULENS_HOME',
  'EDULENS_PORT',
  'EDULENS_BACKUP_DIR',
  'EDULENS_BACKUP_KEEP_DAYS',
  'EDULENS_DRAFT_RETENTION_DAYS',
  'EDULENS_TOKEN_TTL_DAYS',
  'EDULENS_LOG_LEVEL',
] as const;

/**
 * The `edulens` entry script: `bin/edulens.mjs` of the package this module belongs to, found by
 * walking up from here, since the sources (src/service/) and the bundle (dist/) sit at different
 * depths; the real path, so a global install's bin link is not what the service starts.
 */
export function edulensEntry(from = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'bin', 'edulens.mjs');
    if (existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`bin/edulens.mjs not found above ${from}`);
  }
}

export function servicePlan(env: NodeJS.ProcessEnv): ServicePlan {
  const paths = resolvePaths(env);
  const kept: Record<string, string> = {};
  for (const name of agentVariables) {
    const value = env[name];
    if (value) kept[name] = value;
  }
  // Relative folders would be read from the service's working directory, not the installer's.
  if (kept.EDULENS_HOME) kept.EDULENS_HOME = paths.home;
  if (kept.EDULENS_BACKUP_DIR) kept.EDULENS_BACKUP_DIR = paths.backups;
  const { username, uid } = userInfo();
  return {
    node: process.execPath,
    entry: edulensEntry(),
    args: ['agent'],
    env: kept,
    home: paths.home,
    logDir: paths.logs,
    user: env.USERDOMAIN ? `${env.USERDOMAIN}\\${username}` : username,
    uid,
  };
}
