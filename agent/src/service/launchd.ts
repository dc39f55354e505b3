import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PlatformService, ServicePlan } from './plan';
import { xmlText } from './xml';

export const LABEL = 'vn.edulens.agent';

const string = (text: string) => `<string>${xmlText(text)}</string>`;

/**
 * A LaunchAgent: started at log-in, started again after a crash (a non-zero exit) but not after a
 * clean stop; what the agent prints goes next to its own log.
 */
export function launchdPlist(plan: ServicePlan): string {
  const env = Object.entries(plan.env).flatMap(([name, value]) => [
    `    <key>${xmlText(name)}</key>`,
    `    ${string(value)}`,
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    `  ${string(LABEL)}`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...[plan.node, plan.entry, ...plan.args].map((word) => `    ${string(word)}`),
    '  </array>',
    ...(env.length > 0 ? ['  <key>EnvironmentVariables</key>', '  <dict>', ...env, '  </dict>'] : []),
    '  <key>WorkingDirectory</key>',
    `  ${string(plan.home)}`,
    '  <key>RunAtLoad</key>',
    '  <true/>',
    '  <key>KeepAlive</key>',
    '  <dict>',
    '    <key>SuccessfulExit</key>',
    '    <false/>',
    '  </dict>',
    '  <key>ExitTimeOut</key>',
    '  <integer>30</integer>',
    '  <key>StandardOutPath</key>',
    `  ${string(join(plan.logDir, 'service.out.log'))}`,
    '  <key>StandardErrorPath</key>',
    `  ${string(join(plan.logDir, 'service.err.log'))}`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

const launchctl = (...args: string[]) => ({ command: 'launchctl', args });
const bootout = (plan: ServicePlan) => ({
  ...launchctl('bootout', `gui/${plan.uid}/${LABEL}`),
  mayFail: true,
});

export const launchd: PlatformService = {
  kind: 'LaunchAgent',
  fileName: `${LABEL}.plist`,
  defaultDir: () => join(homedir(), 'Library', 'LaunchAgents'),
  render: launchdPlist,
  encoding: 'utf8',
  managerRunning: () => true,
  // bootstrap refuses a label that is already loaded: a second install replaces the first.
  activate: (file, plan) => [bootout(plan), launchctl('bootstrap', `gui/${plan.uid}`, file)],
  deactivate: (_file, plan) => [bootout(plan)],
  forget: [],
  status: {
    query: (plan) => launchctl('print', `gui/${plan.uid}/${LABEL}`),
    running: (code, stdout) => code === 0 && /\bstate = running\b/.test(stdout),
  },
};
