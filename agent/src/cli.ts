import type { Command } from 'commander';
import { EdulensCommand, exitWithUsageCode } from './commands/usage';
import { version } from './version';

type Register = (program: Command) => void;

/**
 * Each command's module by name, loaded only when needed: the agent's server, database, logger
 * and schema libraries take a few hundred milliseconds to load, which `edulens check` should not
 * pay. The order is the order of the help text.
 */
const commands: Record<string, () => Promise<Register>> = {
  check: async () => (await import('./commands/check')).registerCheck,
  convert: async () => (await import('./commands/convert')).registerConvert,
  calendar: async () => (await import('./commands/calendar')).registerCalendar,
  agent: async () => (await import('./commands/agent')).registerAgent,
  pair: async () => (await import('./commands/pair')).registerPair,
  unpair: async () => (await import('./commands/pair')).registerUnpair,
  backup: async () => (await import('./commands/backup')).registerBackup,
  restore: async () => (await import('./commands/backup')).registerRestore,
  service: async () => (await import('./commands/service')).registerService,
};

// Set before the commands are registered, so that each inherits them.
const program = new EdulensCommand('edulens')
  .exitOverride(exitWithUsageCode)
  .description(
    'EduLens — kiểm tra tệp điểm, chuyển mã tiếng Việt, lịch khóa sổ và máy chủ cục bộ.\n' +
      'EduLens — check grade files, repair Vietnamese encodings, lock calendars and the local agent.',
  )
  .version(version, '-v, --version');

// The program's own options (-h, -v) take no value, so the first other word names the command.
// Only that command is registered; `--version` alone needs none, and help, a typo or no command
// at all get every one of them.
const args = process.argv.slice(2);
const named = args.find((arg) => !arg.startsWith('-'));
const versionOnly = args.length === 1 && (args[0] === '-v' || args[0] === '--version');
const wanted =
  named !== undefined && Object.hasOwn(commands, named)
    ? [commands[named]!]
    : versionOnly
      ? []
      : Object.values(commands);
for (const register of await Promise.all(wanted.map((load) => load()))) register(program);

await program.parseAsync(process.argv);
