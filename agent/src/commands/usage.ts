import { Command, type CommanderError } from 'commander';
import { EXIT_USAGE } from '../errors';

const quoted = (message: string) => /'([^']*)'/.exec(message)?.[1] ?? '';

/** "(Did you mean check?)", as commander appends it. */
function suggestion(message: string): { vi: string; en: string } {
  const similar = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message)?.[1];
  return similar === undefined
    ? { vi: '', en: '' }
    : { vi: ` — có phải ý bạn là ${similar}?`, en: ` — did you mean ${similar}?` };
}

/**
 * Commander's usage error in the words of every other EduLens error: one line, Vietnamese then
 * English. `command` is the command whose line was wrong (for the help hint).
 */
export function usageLine(command: Command, code: string, message: string): string {
  const path: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) path.unshift(at.name());
  const full = path.join(' ');
  const help = { vi: `xem "${full} --help"`, en: `see "${full} --help"` };
  const similar = suggestion(message);
  const subject = quoted(message);
  switch (code) {
    case 'commander.unknownCommand':
      return (
        `Không có lệnh "${subject}"${similar.vi}; ${help.vi} / ` +
        `Unknown command "${subject}"${similar.en}; ${help.en}`
      );
    case 'commander.unknownOption':
      return (
        `Không có tùy chọn ${subject}${similar.vi}; ${help.vi} / ` +
        `Unknown option ${subject}${similar.en}; ${help.en}`
      );
    case 'commander.missingArgument': {
      const usage = `${full} ${command.usage()}`;
      // Each argument's description is "tiếng Việt / English", like every help text here.
      const described = command.registeredArguments.find((argument) => argument.name() === subject);
      const [vi, en] = described?.description.split(' / ') ?? [];
      const what = (words: string | undefined) => (words ? ` (${words})` : '');
      return `Thiếu <${subject}>${what(vi)}: ${usage} / Missing <${subject}>${what(en)}: ${usage}`;
    }
    case 'commander.optionMissingArgument':
      return `Tùy chọn ${subject} cần một giá trị; ${help.vi} / Option ${subject} needs a value; ${help.en}`;
    case 'commander.excessArguments': {
      const [, expected = '0', got = '0'] = /Expected (\d+) arguments? but got (\d+)/.exec(message) ?? [];
      return (
        `Thừa đối số: "${full}" nhận ${expected}, không phải ${got}; ${help.vi} / ` +
        `Too many arguments: "${full}" takes ${expected}, not ${got}; ${help.en}`
      );
    }
    default: {
      const detail = message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      return `Dòng lệnh không đúng (${detail}); ${help.vi} / Invalid command line (${detail}); ${help.en}`;
    }
  }
}

/**
 * The `edulens` program and its commands: a usage error (unknown command or option, missing
 * argument) prints one bilingual line and exits 2, never commander's English with exit 1.
 */
export class EdulensCommand extends Command {
  override createCommand(name?: string): EdulensCommand {
    return new EdulensCommand(name);
  }

  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    const code = options?.code ?? 'commander.error';
    super.error(usageLine(this, code, message), { code, exitCode: EXIT_USAGE });
  }
}

/**
 * For the program's `exitOverride`: help and version exit 0; help shown because no command was
 * given (commander's exit 1) is a usage error like the others.
 */
export function exitWithUsageCode(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : EXIT_USAGE);
}
