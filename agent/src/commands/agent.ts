import type { Command } from 'commander';
import { type AgentConfig, agentUrl, DEFAULT_PORT, resolveConfig } from '../config';
import { AgentError } from '../errors';
import { createAgentLogger } from '../logger';
import { diskAgentError } from '../store/disk-errors';
import { type RunningAgent, startAgent } from '../server';
import { version } from '../version';
import { guarded } from './guard';

/** The address the extension's settings page fills in by itself. */
const DEFAULT_AGENT_URL = agentUrl(DEFAULT_PORT);

export function registerAgent(program: Command): void {
  program
    .command('agent')
    .summary('máy chủ cục bộ trên 127.0.0.1 / run the local agent on 127.0.0.1')
    .description(
      'Chạy máy chủ cục bộ EduLens trên 127.0.0.1 (bản nháp, ghép nối tiện ích); dữ liệu ở ~/.edulens.\n' +
        'Run the local EduLens agent on 127.0.0.1 (drafts, extension pairing); data in ~/.edulens.\n' +
        'Biến môi trường / environment: EDULENS_HOME, EDULENS_PORT, EDULENS_DRAFT_RETENTION_DAYS (365), ' +
        'EDULENS_TOKEN_TTL_DAYS (180), EDULENS_BACKUP_DIR (~/.edulens/backups), EDULENS_BACKUP_KEEP_DAYS (14, 0 = tắt / off), ' +
        'EDULENS_LOG_LEVEL (info).',
    )
    .option('-p, --port <port>', 'cổng / port (mặc định / default 8787, 0 = tự chọn / any free port)')
    .action(
      guarded(
        async (options: { port?: string }) => {
          const config = resolveConfig(process.env, options.port);
          const { logger, close: closeLog } = await createAgentLogger(
            config.paths.logs,
            config.logLevel,
          ).catch((error: unknown) => {
            throw diskAgentError(error, config.paths.logs) ?? error;
          });
          // startAgent has closed whatever it opened; the error is printed as one line and the process
          // ends with nothing left running.
          const agent = await startAgent(config, logger).catch(async (error: unknown) => {
            logger.fatal(
              { errorCode: error instanceof AgentError ? error.code : 'unexpected' },
              'agent did not start',
            );
            await closeLog();
            throw error;
          });
          // A second Ctrl+C falls through to Node's default and ends the process at once.
          const shutdown = () => {
            agent
              .stop()
              .then(closeLog)
              .then(
                () => process.exit(0),
                (error: unknown) => {
                  logger.error({ err: String(error) }, 'shutdown failed');
                  process.exit(1);
                },
              );
          };
          process.once('SIGINT', shutdown);
          process.once('SIGTERM', shutdown);
          // Only now: whoever reads the banner may stop the agent at once, and must find it listening.
          printBanner(agent, config);
        },
        { privateFiles: true },
      ),
    );
}

// The pairing code goes to the terminal only, never to the log. Every line but the paths fits an
// 80-column Windows console.
function printBanner(agent: RunningAgent, config: AgentConfig): void {
  const minutes = Math.round(config.pairingCodeTtlMs / 60_000);
  process.stdout.write(
    [
      `EduLens agent ${version}`,
      `  Dữ liệu / Data:             ${config.paths.home}`,
      `  Nhật ký / Log:              ${config.paths.logs}`,
      config.backupKeepDays > 0
        ? `  Sao lưu / Backups:          ${config.paths.backups}  (mỗi ngày / daily)`
        : '  Sao lưu / Backups:          tắt / off (EDULENS_BACKUP_KEEP_DAYS=0)',
      `  Địa chỉ / URL:              ${agent.url}`,
      `  Mã ghép nối / Pairing code: ${agent.pairing.code}  (dùng được ${minutes} phút / valid ${minutes} min)`,
      '  Dừng / Stop:                Ctrl+C',
      '',
      ...nextSteps(agent.url, agent.pairing.code, minutes),
      '',
    ].join('\n'),
  );
}

/** What a first-time user does next, in the words of the extension's own buttons and fields. */
export function nextSteps(url: string, code: string, minutes: number): string[] {
  // `npm start` runs inside the EduLens folder, where `edulens` is not on the PATH but `npx` finds it.
  const npm = process.env.npm_lifecycle_event === 'start';
  const pair = npm ? 'npx edulens pair' : 'edulens pair';
  return [
    'Bước tiếp theo / Next steps:',
    ' 1. Cài tiện ích EduLens vào trình duyệt: xem docs/install-extension.md',
    '    Install the EduLens browser extension: see docs/install-extension.md',
    ' 2. Mở Cài đặt của tiện ích: bấm biểu tượng EduLens trên thanh công cụ',
    '    (hoặc biểu tượng mảnh ghép, rồi EduLens), rồi bấm "Cài đặt";',
    '    hoặc chuột phải vào biểu tượng EduLens, chọn "Tùy chọn".',
    "    Open the extension's settings: click the EduLens icon in the toolbar",
    '    (or the puzzle-piece icon, then EduLens), then "Settings";',
    '    or right-click the EduLens icon, then "Options".',
    ...(url === DEFAULT_AGENT_URL
      ? []
      : [` 3. Ở ô "Địa chỉ máy chủ cục bộ", nhập ${url}`, `    In "Local agent address", enter ${url}`]),
    `${url === DEFAULT_AGENT_URL ? ' 3.' : '   '} Ở ô "Mã ghép nối", nhập ${code} rồi bấm "Ghép nối".`,
    `    In "Pairing code", enter ${code} and click "Pair".`,
    `    Mã dùng được một lần, trong ${minutes} phút. / The code works once, for ${minutes} min.`,
    ' 4. Để cửa sổ này mở khi dùng EduLens; Ctrl+C để dừng.',
    '    Keep this window open while you use EduLens; Ctrl+C stops it.',
    `    Mã mới: chạy "${pair}" ở cửa sổ khác${npm ? ', trong thư mục EduLens' : ''}.`,
    `    New code: run "${pair}" in another window${npm ? ', in the EduLens folder' : ''}.`,
  ];
}
