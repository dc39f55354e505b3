import type { Command } from 'commander';
import { agentUrl, resolveConfig } from '../config';
import { agentError } from '../errors';
import { readLockHolder } from '../instance-lock';
import { issuePairingCode } from '../security/pairing';
import { openStore } from '../store/store';
import { guarded } from './guard';

export function registerPair(program: Command): void {
  program
    .command('pair')
    .summary('in mã ghép nối mới / print a new pairing code')
    .description(
      'In một mã ghép nối mới cho tiện ích (agent có đang chạy hay không đều được).\n' +
        'Print a new pairing code for the extension (whether or not the agent is running).',
    )
    .action(
      guarded(
        () => {
          const config = resolveConfig(process.env);
          const holder = readLockHolder(config.paths.lock);
          if (holder?.purpose === 'restore') {
            throw agentError(
              'agent.restore_running',
              'Đang khôi phục dữ liệu; hãy đợi xong rồi thử lại.',
              'A restore is in progress; try again when it has finished.',
            );
          }
          // WAL lets this second connection write while the agent's own is open.
          const store = openStore(config.paths.database, Date.now());
          let code: string;
          try {
            code = issuePairingCode(store.pairing, Date.now(), config.pairingCodeTtlMs).code;
          } finally {
            store.close();
          }
          const minutes = Math.round(config.pairingCodeTtlMs / 60_000);
          const where = holder?.port === undefined ? undefined : agentUrl(holder.port);
          process.stdout.write(
            [
              `Mã ghép nối / Pairing code: ${code}`,
              `  Dùng một lần, hết hạn sau ${minutes} phút / Single use, expires in ${minutes} minutes.`,
              where
                ? `  EduLens đang chạy tại / The agent is running at ${where}`
                : '  EduLens chưa chạy: hãy chạy "edulens agent" / The agent is not running: start it with "edulens agent"',
              '',
            ].join('\n'),
          );
        },
        { privateFiles: true },
      ),
    );
}
