// `edulens service install|uninstall|status` through the real CLI, into a temporary folder and
// without calling systemctl/schtasks/launchctl; the files are read back the way their platforms
// read them: systemd-analyze for the unit, an XML parser for the task and the plist.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchdPlist } from '@edulens/agent/src/service/launchd.ts';
import { installService, uninstallService } from '@edulens/agent/src/service/manage.ts';
import { edulensEntry, type PlatformCommand, type ServicePlan } from '@edulens/agent/src/service/plan.ts';
import { systemd, systemdUnit, systemdWord } from '@edulens/agent/src/service/systemd.ts';
import { taskXml, windowsArgument } from '@edulens/agent/src/service/task-scheduler.ts';
import { repoRoot, runCli } from '../helpers/run-cli';

const entry = realpathSync(join(repoRoot, 'agent', 'bin', 'edulens.mjs'));

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** The document element; saxes throws on anything that is not well-formed XML. */
function parseXml(xml: string): XmlNode {
  const document: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const open = [document];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    open.at(-1)!.children.push(node);
    open.push(node);
  });
  parser.on('text', (text) => (open.at(-1)!.text += text));
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  expect(document.children).toHaveLength(1);
  return document.children[0]!;
}

/** The text of the element at `path` ("Settings/RestartOnFailure/Count"). */
function textAt(node: XmlNode, path: string): string {
  let at: XmlNode | undefined = node;
  for (const name of path.split('/')) at = at?.children.find((child) => child.name === name);
  if (!at) throw new Error(`no ${path} in <${node.name}>`);
  return at.text;
}

/** A property list as the JavaScript value it describes. */
function plistValue(node: XmlNode): unknown {
  switch (node.name) {
    case 'plist':
      return plistValue(node.children[0]!);
    case 'dict': {
      const entries: [string, unknown][] = [];
      for (let i = 0; i < node.children.length; i += 2) {
        entries.push([node.children[i]!.text, plistValue(node.children[i + 1]!)]);
      }
      return Object.fromEntries(entries);
    }
    case 'array':
      return node.children.map(plistValue);
    case 'string':
      return node.text;
    case 'integer':
      return Number(node.text);
    case 'true':
      return true;
    case 'false':
      return false;
    default:
      throw new Error(`unexpected <${node.name}> in a plist`);
  }
}

/** A Windows task file: UTF-16 little-endian with its byte-order mark, as schtasks reads it. */
function readTaskFile(file: string): string {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  return bytes.subarray(2).toString('utf16le');
}

/**
 * `systemd-analyze verify --user` of one unit file: it needs a runtime folder for the user manager
 * it simulates (none runs here), and reports problems of the unit on lines naming the unit.
 */
function verifyUnit(
  file: string,
  unitName: string,
): { code: number | null; problems: string[]; output: string } {
  const runtime = mkdtempSync(join(tmpdir(), 'edulens-runtime-'));
  try {
    const result = spawnSync('systemd-analyze', ['verify', '--user', file], {
      encoding: 'utf8',
      env: { ...process.env, XDG_RUNTIME_DIR: runtime, SYSTEMD_LOG_COLOR: '0' },
    });
    if (result.error) {
      throw new Error(
        `systemd-analyze is needed to check the unit (install systemd: apt-get install systemd): ${result.error.message}`,
      );
    }
    const output = `${result.stdout}${result.stderr}`;
    const problems = output.split('\n').filter((line) => line.includes(unitName));
    return { code: result.status, problems, output };
  } finally {
    rmSync(runtime, { recursive: true, force: true });
  }
}

let root: string;
let home: string;
let unitDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'edulens-service-'));
  home = join(root, 'dữ liệu EduLens');
  unitDir = join(root, 'units');
  mkdirSync(unitDir);
  // Someone else's file in the same folder: uninstall must leave it.
  writeFileSync(join(unitDir, 'other.service'), '[Service]\nExecStart=/bin/true\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const service = (command: string, platform: string, extra: string[] = []) =>
  runCli(['service', command, '--platform', platform, '--unit-dir', unitDir, '--no-activate', ...extra], {
    EDULENS_HOME: home,
  });

describe.each([
  ['linux', 'edulens-agent.service'],
  ['win32', 'edulens-agent-task.xml'],
  ['darwin', 'vn.edulens.agent.plist'],
])('edulens service on %s', (platform, fileName) => {
  it('install writes one file, status sees it, uninstall removes exactly that file', async () => {
    const before = readdirSync(unitDir).sort();
    const notYet = await service('status', platform);
    expect(notYet.code).toBe(0);
    expect(notYet.stdout).toContain('Installed: chưa / no');

    const installed = await service('install', platform);
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain(`: ${join(unitDir, fileName)}`);
    expect(installed.stdout).toContain('run them yourself');
    expect(readdirSync(unitDir).sort()).toEqual([...before, fileName].sort());

    const status = await service('status', platform);
    expect(status.stdout).toContain(`Installed: có / yes (${join(unitDir, fileName)})`);
    expect(status.stdout).toContain('Running: không rõ');

    const removed = await service('uninstall', platform);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`Removed: ${join(unitDir, fileName)}`);
    expect(readdirSync(unitDir).sort()).toEqual(before);
    expect((await service('status', platform)).stdout).toContain('Installed: chưa / no');

    const again = await service('uninstall', platform);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Not installed, nothing to remove');
  });
});

it('the systemd unit written by `edulens service install` passes systemd-analyze verify', async () => {
  expect((await service('install', 'linux')).code).toBe(0);
  const file = join(unitDir, 'edulens-agent.service');
  const unit = readFileSync(file, 'utf8');
  expect(unit).toContain(`ExecStart=${process.execPath} ${systemdWord(entry, { inCommand: true })} agent\n`);
  expect(unit).toContain(`Environment="EDULENS_HOME=${home}"\n`);
  expect(unit).toMatch(/^Restart=on-failure$/m);
  expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
  expect(unit).toMatch(/^WantedBy=default.target$/m);
  const verified = verifyUnit(file, 'edulens-agent.service');
  expect(verified.problems, verified.output).toEqual([]);
  expect(verified.code, verified.output).toBe(0);

  // The variables do what the options do.
  const status = await runCli(['service', 'status', '--platform', 'linux'], {
    EDULENS_HOME: home,
    EDULENS_SERVICE_DIR: unitDir,
    EDULENS_SERVICE_NO_ACTIVATE: '1',
  });
  expect(status.stdout).toContain(`Installed: có / yes (${file})`);
  expect(status.stdout).toContain('--no-activate was given');
});

it('a node and an entry in folders with spaces, Vietnamese letters and % are quoted as systemd reads them', () => {
  const folder = join(root, 'Thư mục có dấu cách 100%');
  mkdirSync(folder);
  const node = join(folder, 'node');
  symlinkSync(process.execPath, node);
  const plan: ServicePlan = {
    node,
    entry: join(folder, 'edulens.mjs'),
    args: ['agent'],
    env: { EDULENS_HOME: join(folder, 'dữ liệu "x"') },
    home: folder,
    logDir: join(folder, 'logs'),
    user: 'an',
    uid: 1000,
  };
  const file = join(unitDir, 'edulens-agent.service');
  writeFileSync(file, systemdUnit(plan));
  expect(readFileSync(file, 'utf8')).toContain(
    `ExecStart="${folder.replace('%', '%%')}/node" "${folder.replace('%', '%%')}/edulens.mjs" agent`,
  );
  const verified = verifyUnit(file, 'edulens-agent.service');
  expect(verified.problems, verified.output).toEqual([]);
  expect(verified.code, verified.output).toBe(0);

  // The same unit without the quotes is refused: the check can fail.
  writeFileSync(file, systemdUnit(plan).replace(/^ExecStart="([^"]+)"/m, 'ExecStart=$1'));
  expect(verifyUnit(file, 'edulens-agent.service').code).not.toBe(0);
});

it('the entry is found from the sources and from the bundle, which sit at different depths', () => {
  expect(edulensEntry(join(repoRoot, 'agent', 'src', 'service', 'plan.ts'))).toBe(entry);
  expect(edulensEntry(join(repoRoot, 'agent', 'dist', 'chunk-ABC.mjs'))).toBe(entry);
});

it('systemd words: quoted with C escapes when needed, % and $ doubled', () => {
  expect(systemdWord('/usr/bin/node', { inCommand: true })).toBe('/usr/bin/node');
  expect(systemdWord('/home/an/My Files/edulens.mjs', { inCommand: true })).toBe(
    '"/home/an/My Files/edulens.mjs"',
  );
  expect(systemdWord('/home/an/50%', { inCommand: true })).toBe('"/home/an/50%%"');
  expect(systemdWord('/home/$USER', { inCommand: true })).toBe('"/home/$$USER"');
  expect(systemdWord('EDULENS_HOME=/a $b', { inCommand: false })).toBe('"EDULENS_HOME=/a $b"');
  expect(systemdWord('a"b\\c', { inCommand: true })).toBe('"a\\"b\\\\c"');
});

it('the Windows task starts the agent at log-on, restarts it, never times out, and says where it logs', async () => {
  expect((await service('install', 'win32')).code).toBe(0);
  const task = parseXml(readTaskFile(join(unitDir, 'edulens-agent-task.xml')));
  expect(task.name).toBe('Task');
  expect(textAt(task, 'Actions/Exec/Command')).toBe(process.execPath);
  expect(textAt(task, 'Actions/Exec/Arguments')).toBe(`${windowsArgument(entry)} agent`);
  expect(textAt(task, 'Actions/Exec/WorkingDirectory')).toBe(home);
  expect(textAt(task, 'Triggers/LogonTrigger/Enabled')).toBe('true');
  expect(textAt(task, 'Triggers/LogonTrigger/UserId')).toBe(textAt(task, 'Principals/Principal/UserId'));
  expect(textAt(task, 'Settings/RestartOnFailure/Interval')).toBe('PT1M');
  const count = Number(textAt(task, 'Settings/RestartOnFailure/Count'));
  expect(count >= 1 && count <= 255, `Count ${count} is an unsignedByte of at least 1`).toBe(true);
  expect(textAt(task, 'Triggers/LogonTrigger/Repetition/Interval')).toBe('PT5M');
  expect(textAt(task, 'Settings/MultipleInstancesPolicy')).toBe('IgnoreNew');
  expect(textAt(task, 'Settings/ExecutionTimeLimit')).toBe('PT0S');
  expect(textAt(task, 'Settings/DisallowStartIfOnBatteries')).toBe('false');
  expect(textAt(task, 'Settings/StopIfGoingOnBatteries')).toBe('false');
  expect(textAt(task, 'RegistrationInfo/Description')).toContain(join(home, 'logs'));
});

it('a Windows user folder with spaces and Vietnamese letters stays one argument in the task', () => {
  const user = 'C:\\Users\\Nguyễn Văn An';
  const plan: ServicePlan = {
    node: 'C:\\Program Files\\nodejs\\node.exe',
    entry: `${user}\\AppData\\Roaming\\npm\\node_modules\\@edulens\\agent\\bin\\edulens.mjs`,
    args: ['agent'],
    env: {},
    home: `${user}\\.edulens`,
    logDir: `${user}\\.edulens\\logs`,
    user: 'TRUONG-THPT\\Nguyễn Văn An',
    uid: -1,
  };
  const task = parseXml(taskXml(plan));
  expect(textAt(task, 'Actions/Exec/Command')).toBe('C:\\Program Files\\nodejs\\node.exe');
  expect(textAt(task, 'Actions/Exec/Arguments')).toBe(`"${plan.entry}" agent`);
  expect(textAt(task, 'Actions/Exec/WorkingDirectory')).toBe(`${user}\\.edulens`);
  expect(textAt(task, 'Principals/Principal/UserId')).toBe('TRUONG-THPT\\Nguyễn Văn An');
  const odd = parseXml(taskXml({ ...plan, entry: 'C:\\Tom & Jerry <"x">\\' }));
  expect(textAt(odd, 'Actions/Exec/Arguments')).toBe('"C:\\Tom & Jerry <\\"x\\">\\\\" agent');
});

it('the macOS LaunchAgent runs at load, restarts after a crash only, and logs into the EduLens logs folder', async () => {
  expect((await service('install', 'darwin')).code).toBe(0);
  const plist = plistValue(parseXml(readFileSync(join(unitDir, 'vn.edulens.agent.plist'), 'utf8')));
  expect(plist).toEqual({
    Label: 'vn.edulens.agent',
    ProgramArguments: [process.execPath, entry, 'agent'],
    EnvironmentVariables: { EDULENS_HOME: home },
    WorkingDirectory: home,
    RunAtLoad: true,
    KeepAlive: { SuccessfulExit: false },
    ExitTimeOut: 30,
    StandardOutPath: join(home, 'logs', 'service.out.log'),
    StandardErrorPath: join(home, 'logs', 'service.err.log'),
  });
  const odd = plistValue(
    parseXml(
      launchdPlist({
        node: '/a & b',
        entry: '/Nguyễn <x>',
        args: ['agent'],
        env: {},
        home: '/h',
        logDir: '/h/logs',
        user: 'an',
        uid: 501,
      }),
    ),
  );
  expect((odd as { ProgramArguments: string[] }).ProgramArguments).toEqual([
    '/a & b',
    '/Nguyễn <x>',
    'agent',
  ]);
});

describe('with the platform commands (a recording runner)', () => {
  const plan: ServicePlan = {
    node: '/usr/bin/node',
    entry,
    args: ['agent'],
    env: {},
    home: '/h',
    logDir: join(tmpdir(), 'edulens-unused-logs'),
    user: 'an',
    uid: 1000,
  };
  const target = () => ({
    service: systemd,
    plan,
    file: join(unitDir, 'edulens-agent.service'),
    notActivated: null,
  });
  const line = ({ command, args }: PlatformCommand) => [command, ...args].join(' ');

  it('install enables and starts the unit after writing it; uninstall stops it before removing it', () => {
    const ran: string[] = [];
    const runner = (command: PlatformCommand) => {
      ran.push(
        `${line(command)} (file ${readdirSync(unitDir).includes('edulens-agent.service') ? 'present' : 'absent'})`,
      );
      return { code: 0, stdout: '', stderr: '' };
    };
    expect(installService(target(), runner).activated).toBe(true);
    expect(uninstallService(target(), runner)?.activated).toBe(true);
    expect(ran).toEqual([
      'systemctl --user daemon-reload (file present)',
      'systemctl --user enable --now edulens-agent.service (file present)',
      'systemctl --user disable --now edulens-agent.service (file present)',
      'systemctl --user daemon-reload (file absent)',
    ]);
  });

  it('a failing command is reported in both languages with what it said', () => {
    const runner = () => ({ code: 1, stdout: '', stderr: 'Failed to connect to bus: No medium found\n' });
    expect(() => installService(target(), runner)).toThrow(
      `The command "systemctl --user daemon-reload" failed: Failed to connect to bus: No medium found (service file: ${target().file})`,
    );
  });
});
