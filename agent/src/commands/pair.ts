import type { Command } from 'commander';
import { type AgentConfig, agentUrl, resolveConfig } from '../config';
import { agentError } from '../errors';
import { readLockHolder } from '../instance-lock';
import { issuePairingCode } from '../security/pairing';
import { openStore, type Store } from '../store/store';
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
          const {
            result: { code, expiresAt },
            agentAt,
          } = besideTheAgent(config, (store) =>
            issuePairingCode(store.pairing, Date.now(), config.pairingCodeTtlMs),
          );
          const minutes = Math.round(config.pairingCodeTtlMs / 60_000);
          process.stdout.write(
            [
              `Mã ghép nối / Pairing code: ${code}`,
              `  Dùng được một lần, trong ${minutes} phút (đến ${clock(expiresAt)}).`,
              `  Works once, for ${minutes} minutes (until ${clock(expiresAt)}).`,
              '  Nhập mã ở trang Cài đặt của tiện ích EduLens, ô "Mã ghép nối".',
              '  Enter it in the EduLens extension\'s Settings, "Pairing code".',
              ...(agentAt
                ? [`  EduLens đang chạy tại ${agentAt}`, `  The agent is running at ${agentAt}`]
                : [
                    '  EduLens chưa chạy: hãy chạy "npm start" trong thư mục EduLens,',
                    '  hoặc "edulens agent" nếu đã cài EduLens.',
                    '  The agent is not running: run "npm start" in the EduLens folder,',
                    '  or "edulens agent" if EduLens is installed.',
                  ]),
              '',
            ].join('\n'),
          );
        },
        { privateFiles: true },
      ),
    );
}

export function registerUnpair(program: Command): void {
  program
    .command('unpair')
    .summary('thu hồi mọi ghép nối / revoke every pairing')
    .description(
      'Thu hồi mọi mã truy cập đã cấp: mọi tiện ích đã ghép nối phải ghép nối lại bằng mã mới (ví dụ khi mất máy hoặc nghi bị lộ).\n' +
        'Revoke every token issued: each paired extension must pair again with a new code (after a lost computer or a suspected leak).',
    )
    .action(
      guarded(
        () => {
          const { result: revoked } = besideTheAgent(resolveConfig(process.env), (store) =>
            store.pairing.revokeAllTokens(),
          );
          process.stdout.write(
            `Đã thu hồi ${revoked} ghép nối; hãy chạy "edulens pair" để ghép nối lại.\n` +
              `Revoked ${revoked} pairing(s); run "edulens pair" to pair again.\n`,
          );
        },
        { privateFiles: true },
      ),
    );
}

/**
 * Runs one write on the agent's data whether or not the agent runs (WAL lets this second connection
 * write beside the agent's own); closing the store makes the write durable before anything is printed.
 */
function besideTheAgent<T>(
  config: AgentConfig,
  write: (store: Store) => T,
): { result: T; agentAt: string | undefined } {
  const holder = readLockHolder(config.paths.lock);
  if (holder?.purpose === 'restore') {
    throw agentError(
      'agent.restore_running',
      'Đang khôi phục dữ liệu; hãy đợi xong rồi thử lại.',
      'A restore is in progress; try again when it has finished.',
    );
  }
  const store = openStore(config.paths.database, Date.now());
  let result: T;
  try {
    result = write(store);
  } finally {
    store.close();
  }
  return { result, agentAt: holder?.port === undefined ? undefined : agentUrl(holder.port) };
}

/** The expiry as this computer's clock shows it (HH:MM): what the teacher compares with the taskbar. */
function clock(at: number): string {
  const time = new Date(at);
  return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}
