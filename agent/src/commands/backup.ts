import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { resolvePaths } from '../config';
import { checkOutputPath } from '../output-file';
import { backupDatabase, restoreDatabase } from '../store/backup';
import { diskAgentError } from '../store/disk-errors';
import { guarded } from './guard';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .summary('sao lưu dữ liệu vào một tệp / back up the data to a file')
    .argument('<file>', 'tệp sao lưu sẽ ghi / backup file to write')
    .option('-f, --force', 'ghi đè tệp sao lưu đã có / overwrite an existing backup file')
    .description(
      'Sao lưu toàn bộ dữ liệu EduLens vào một tệp (chạy được cả khi agent đang chạy).\n' +
        'Back up all EduLens data to one file (safe while the agent runs).',
    )
    .action(
      guarded(
        async (file: string, options: { force?: boolean }) => {
          await checkOutputPath(file, { refuseExisting: !options.force });
          // A full backup disk is the likely failure (also for the agent's automatic backups, which log this line).
          const { bytes } = await backupDatabase(resolvePaths(process.env), file).catch((error: unknown) => {
            throw diskAgentError(error, dirname(resolve(file))) ?? error;
          });
          process.stdout.write(
            `Đã sao lưu và kiểm tra (${bytes} byte): ${file}\nBacked up and verified (${bytes} bytes): ${file}\n`,
          );
        },
        { privateFiles: true },
      ),
    );
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .summary('khôi phục từ tệp sao lưu / restore from a backup file')
    .argument('<file>', 'tệp sao lưu / backup file')
    .description(
      'Khôi phục dữ liệu từ tệp sao lưu (hãy dừng agent trước). Tệp hỏng hoặc lạ bị từ chối.\n' +
        'Restore the data from a backup file (stop the agent first). A corrupt or foreign file is refused.',
    )
    .action(
      guarded(
        (file: string) => {
          const paths = resolvePaths(process.env);
          let safetyCopy: string | null;
          try {
            ({ safetyCopy } = restoreDatabase(paths, file));
          } catch (error) {
            throw diskAgentError(error, paths.home) ?? error;
          }
          const kept = safetyCopy
            ? [`  Dữ liệu cũ được giữ tại / The previous data was kept at: ${safetyCopy}`]
            : [];
          process.stdout.write(
            [
              `Đã khôi phục từ / Restored from: ${file}`,
              ...kept,
              '  Khởi động lại / Start again: edulens agent',
              '',
            ].join('\n'),
          );
        },
        { privateFiles: true },
      ),
    );
}
