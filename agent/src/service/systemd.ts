import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PlatformService, ServicePlan } from './plan';

const UNIT = 'edulens-agent.service';

/**
 * One word of a unit file's command line or assignment, as systemd will read it back: `%` starts
 * a specifier (`%%` is a percent sign), and in ExecStart `$` a variable (`$$` is a dollar sign);
 * a word with anything but plain characters is double-quoted with C escapes.
 */
export function systemdWord(word: string, { inCommand }: { inCommand: boolean }): string {
  let text = word.replaceAll('%', '%%');
  if (inCommand) text = text.replaceAll('$', '$$$$');
  if (/^[\w./:@+,=-]+$/.test(text)) return text;
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replaceAll('\n', '\\n')
    .replaceAll('\t', '\\t');
  return `"${escaped}"`;
}

export function systemdUnit(plan: ServicePlan): string {
  const command = [plan.node, plan.entry, ...plan.args].map((word) => systemdWord(word, { inCommand: true }));
  const environment = Object.entries(plan.env).map(
    ([name, value]) => `Environment=${systemdWord(`${name}=${value}`, { inCommand: false })}`,
  );
  return [
    '[Unit]',
    'Description=EduLens agent (127.0.0.1)',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${command.join(' ')}`,
    ...environment,
    // The agent finishes its requests and closes the database on SIGTERM, then exits 0: a clean stop
    // is not a failure, a crash is.
    'KillSignal=SIGTERM',
    'KillMode=mixed',
    'TimeoutStopSec=30',
    'Restart=on-failure',
    'RestartSec=5',
    'StandardOutput=journal',
    'StandardError=journal',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

const systemctl = (...args: string[]) => ({ command: 'systemctl', args: ['--user', ...args] });

export const systemd: PlatformService = {
  kind: 'systemd user unit',
  fileName: UNIT,
  defaultDir: (_plan, env) => join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'systemd', 'user'),
  render: systemdUnit,
  encoding: 'utf8',
  // sd_booted(): systemd is the init system only if this folder exists.
  managerRunning: () => existsSync('/run/systemd/system'),
  activate: () => [systemctl('daemon-reload'), systemctl('enable', '--now', UNIT)],
  deactivate: () => [{ ...systemctl('disable', '--now', UNIT), mayFail: true }],
  forget: [systemctl('daemon-reload')],
  status: {
    query: () => systemctl('is-active', UNIT),
    running: (code) => code === 0,
  },
};
