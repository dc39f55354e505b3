import { Command } from 'commander';
import { registerAgent } from './commands/agent';
import { registerBackup, registerRestore } from './commands/backup';
import { registerCalendar } from './commands/calendar';
import { registerCheck } from './commands/check';
import { registerConvert } from './commands/convert';
import { registerPair } from './commands/pair';
import { version } from './version';

const program = new Command('edulens')
  .description(
    'EduLens — kiểm tra tệp điểm, chuyển mã tiếng Việt, lịch khóa sổ và máy chủ cục bộ.\n' +
      'EduLens — check grade files, repair Vietnamese encodings, lock calendars and the local agent.',
  )
  .version(version, '-v, --version');

for (const register of [
  registerCheck,
  registerConvert,
  registerCalendar,
  registerAgent,
  registerPair,
  registerBackup,
  registerRestore,
]) {
  register(program);
}

await program.parseAsync(process.argv);
