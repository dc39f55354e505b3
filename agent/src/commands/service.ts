import { join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { agentError } from '../errors';
import {
  installService,
  platformServices,
  type ServiceTarget,
  serviceStatus,
  uninstallService,
} from '../service/manage';
import { type ServicePlatform, servicePlan, servicePlatforms } from '../service/plan';
import { spawnRunner } from '../service/runner';
import { guarded } from './guard';

interface ServiceOptions {
  unitDir?: string;
  platform?: ServicePlatform;
  activate: boolean;
}

const platformNames: Record<ServicePlatform, string> = { linux: 'Linux', win32: 'Windows', darwin: 'macOS' };

function target(options: ServiceOptions, env: NodeJS.ProcessEnv): ServiceTarget {
  const platform = options.platform ?? (process.platform as ServicePlatform);
  if (!servicePlatforms.includes(platform)) {
    throw agentError(
      'service.platform',
      `EduLens chưa biết cách chạy khi đăng nhập trên ${process.platform}; hãy chạy "edulens agent"`,
      `EduLens cannot start at log-in on ${process.platform}; run "edulens agent" instead`,
    );
  }
  const service = platformServices[platform];
  const plan = servicePlan(env);
  const dir = options.unitDir ?? env.EDULENS_SERVICE_DIR;
  const file = join(dir ? resolve(dir) : service.defaultDir(plan, env), service.fileName);
  const notActivated =
    !options.activate || (env.EDULENS_SERVICE_NO_ACTIVATE ?? '0') !== '0'
      ? { vi: 'đã chọn --no-activate', en: '--no-activate was given' }
      : platform !== process.platform
        ? {
            vi: `tệp này dành cho ${platformNames[platform]}`,
            en: `this file is for ${platformNames[platform]}`,
          }
        : !service.managerRunning()
          ? { vi: 'systemd không chạy trên máy này', en: 'systemd is not running on this machine' }
          : null;
  return { service, plan, file, notActivated };
}

const manualLines = (t: ServiceTarget, manual: string[]) =>
  t.notActivated
    ? [
        `Chưa chạy lệnh của hệ thống vì ${t.notActivated.vi}; hãy tự chạy / ` +
          `The system's commands were not run because ${t.notActivated.en}; run them yourself:`,
        ...manual.map((line) => `  ${line}`),
      ]
    : [];

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);

function withTargetOptions(command: Command): Command {
  return command
    .option(
      '--unit-dir <dir>',
      'ghi tệp vào thư mục này / write the file into this folder (EDULENS_SERVICE_DIR)',
    )
    .addOption(
      new Option('--platform <platform>', 'tệp của hệ điều hành khác / another platform’s file').choices(
        servicePlatforms,
      ),
    )
    .option(
      '--no-activate',
      'chỉ ghi tệp, không chạy systemctl/schtasks/launchctl / only write the file (EDULENS_SERVICE_NO_ACTIVATE=1)',
    );
}

export function registerService(program: Command): void {
  const service = program
    .command('service')
    .summary('chạy agent khi đăng nhập / start the agent at log-in')
    .description(
      'Đăng ký agent chạy mỗi khi đăng nhập, tự khởi động lại khi lỗi: systemd (Linux), Task Scheduler (Windows), LaunchAgent (macOS).\n' +
        'Register the agent to start at every log-in and restart after a crash: systemd (Linux), Task Scheduler (Windows), LaunchAgent (macOS).',
    );

  withTargetOptions(service.command('install'))
    .summary('cài và bật / install and start')
    .description('Ghi tệp dịch vụ rồi bật và chạy nó.\nWrite the service file, then enable and start it.')
    .action(
      guarded((options: ServiceOptions) => {
        const t = target(options, process.env);
        const report = installService(t, spawnRunner);
        const windowsEnv = t.service === platformServices.win32 && Object.keys(t.plan.env).length > 0;
        print([
          `Đã ghi ${t.service.kind} / Wrote the ${t.service.kind}: ${report.file}`,
          ...(report.activated
            ? [
                'Đã bật: EduLens chạy ngay và mỗi khi đăng nhập / Enabled: EduLens runs now and at every log-in',
              ]
            : manualLines(t, report.manual)),
          ...(windowsEnv
            ? [
                `Lưu ý: tác vụ không mang biến môi trường (${Object.keys(t.plan.env).join(', ')}); hãy đặt chúng bằng "setx" / ` +
                  'Note: the task does not carry environment variables; set them for the user with "setx"',
              ]
            : []),
        ]);
      }),
    );

  withTargetOptions(service.command('uninstall'))
    .summary('dừng và gỡ / stop and remove')
    .description('Dừng, tắt và xóa tệp dịch vụ đã ghi.\nStop and disable the service, then remove its file.')
    .action(
      guarded((options: ServiceOptions) => {
        const t = target(options, process.env);
        const report = uninstallService(t, spawnRunner);
        print(
          report
            ? [`Đã gỡ / Removed: ${report.file}`, ...manualLines(t, report.manual)]
            : [`Chưa cài, không có gì để gỡ / Not installed, nothing to remove: ${t.file}`],
        );
      }),
    );

  withTargetOptions(service.command('status'))
    .summary('đã cài, đang chạy? / installed, running?')
    .description(
      'Cho biết dịch vụ đã cài chưa và có đang chạy không.\nSay whether the service is installed and running.',
    )
    .action(
      guarded((options: ServiceOptions) => {
        const t = target(options, process.env);
        const { installed, running } = serviceStatus(t, spawnRunner);
        print([
          `Dịch vụ / Service: ${t.service.kind}`,
          installed
            ? `Đã cài / Installed: có / yes (${t.file})`
            : `Đã cài / Installed: chưa / no (${t.file})`,
          running === null
            ? `Đang chạy / Running: không rõ vì ${t.notActivated?.vi} / unknown because ${t.notActivated?.en}`
            : `Đang chạy / Running: ${running ? 'có / yes' : 'không / no'}`,
        ]);
      }),
    );
}
