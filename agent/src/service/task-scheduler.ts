import type { PlatformService, ServicePlan } from './plan';
import { xmlText } from './xml';

export const TASK_NAME = 'EduLens\\Agent';

/**
 * One argument on a Windows command line as the C runtime (and node) splits it: quoted when it
 * holds a space, a tab or a quote; a quote is escaped with a backslash, and so are the backslashes
 * just before a quote (including the closing one).
 */
export function windowsArgument(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  const escaped = arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1');
  return `"${escaped}"`;
}

/**
 * A Task Scheduler 1.2 task: at this user's log-on, restarted after a failure, never timed out.
 * Elements in the order of the schema's sequences, as Windows itself exports a task.
 */
export function taskXml(plan: ServicePlan): string {
  const args = [plan.entry, ...plan.args].map(windowsArgument).join(' ');
  const user = xmlText(plan.user);
  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    `    <Description>${xmlText(`EduLens agent (127.0.0.1). Nhật ký / Logs: ${plan.logDir}`)}</Description>`,
    `    <URI>\\${xmlText(TASK_NAME)}</URI>`,
    '  </RegistrationInfo>',
    '  <Triggers>',
    '    <LogonTrigger>',
    '      <Enabled>true</Enabled>',
    // Started again every 5 minutes while logged on, which does nothing while it runs (IgnoreNew):
    // RestartOnFailure covers a task that fails to start, not always a program that exits with an error.
    '      <Repetition>',
    '        <Interval>PT5M</Interval>',
    '        <StopAtDurationEnd>false</StopAtDurationEnd>',
    '      </Repetition>',
    `      <UserId>${user}</UserId>`,
    '    </LogonTrigger>',
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    `      <UserId>${user}</UserId>`,
    '      <LogonType>InteractiveToken</LogonType>',
    '      <RunLevel>LeastPrivilege</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <AllowHardTerminate>true</AllowHardTerminate>',
    '    <StartWhenAvailable>true</StartWhenAvailable>',
    '    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>',
    '    <IdleSettings>',
    '      <StopOnIdleEnd>false</StopOnIdleEnd>',
    '      <RestartOnIdle>false</RestartOnIdle>',
    '    </IdleSettings>',
    '    <AllowStartOnDemand>true</AllowStartOnDemand>',
    '    <Enabled>true</Enabled>',
    '    <Hidden>false</Hidden>',
    '    <RunOnlyIfIdle>false</RunOnlyIfIdle>',
    '    <WakeToRun>false</WakeToRun>',
    '    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>',
    '    <Priority>7</Priority>',
    '    <RestartOnFailure>',
    '      <Interval>PT1M</Interval>',
    // An unsignedByte in the schema: 255 at most.
    '      <Count>255</Count>',
    '    </RestartOnFailure>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${xmlText(plan.node)}</Command>`,
    `      <Arguments>${xmlText(args)}</Arguments>`,
    `      <WorkingDirectory>${xmlText(plan.home)}</WorkingDirectory>`,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\r\n');
}

const schtasks = (...args: string[]) => ({ command: 'schtasks', args });

export const taskScheduler: PlatformService = {
  kind: 'Task Scheduler task',
  fileName: 'edulens-agent-task.xml',
  // The task itself lives in Task Scheduler; the XML it was made from stays with the data.
  defaultDir: (plan) => plan.home,
  render: taskXml,
  // schtasks reads task XML as UTF-16 (with its byte-order mark).
  encoding: 'utf16le',
  managerRunning: () => true,
  activate: (file) => [
    schtasks('/Create', '/XML', file, '/TN', TASK_NAME, '/F'),
    schtasks('/Run', '/TN', TASK_NAME),
  ],
  deactivate: () => [
    { ...schtasks('/End', '/TN', TASK_NAME), mayFail: true },
    { ...schtasks('/Delete', '/TN', TASK_NAME, '/F'), mayFail: true },
  ],
  forget: [],
  status: {
    // schtasks prints its status in the system's language; the task's State is not translated.
    query: () => ({
      command: 'powershell.exe',
      args: ['-NoProfile', '-Command', "(Get-ScheduledTask -TaskPath '\\EduLens\\' -TaskName 'Agent').State"],
    }),
    running: (code, stdout) => code === 0 && stdout.trim() === 'Running',
  },
};
