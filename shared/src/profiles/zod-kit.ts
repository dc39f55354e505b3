// Building blocks shared by EduLens data files (profiles and the calendars they embed), so that
// every complaint about a file reaches its author in Vietnamese and English with a JSON path.
import { z } from 'zod';
import { type Message, type Problem, problem } from '../problem';

/**
 * Refinements report in both languages: the English text is zod's message, the Vietnamese one
 * travels in params so that problemsFromIssues can print it.
 */
export function addBilingualIssue(ctx: z.RefinementCtx, path: PropertyKey[], vi: string, en: string): void {
  ctx.addIssue({ code: 'custom', path, message: en, params: { vi, en } });
}

/** A string in a given form, described in both languages for the user who wrote the file. */
export function textMatching(form: RegExp | ((text: string) => boolean), vi: string, en: string) {
  const test = form instanceof RegExp ? (text: string) => form.test(text) : form;
  return z.string().refine(test, { message: en, params: { vi, en } });
}

/** Text shown to users, in Vietnamese and English. */
export const messageSchema = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

/** Ids of profiles, calendars and entries: stable, ASCII, readable in URLs and logs. */
export const idSchema = textMatching(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  'phải là chữ thường không dấu và số, nối bằng "-"',
  'must be lower-case letters and digits joined by "-"',
);

/** One problem per zod issue, its message prefixed with the JSON path of the offending value. */
export function problemsFromIssues(code: string, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const where = jsonPath(issue.path);
    const text = describe(issue);
    return problem(
      code,
      'error',
      `${where || '(gốc của tệp)'}: ${text.vi}`,
      `${where || '(file root)'}: ${text.en}`,
    );
  });
}

/** `profile.pages[0].rulepack.byGrade["1-5"]`; empty for the root. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return i === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

const TYPE_NAMES: Record<string, Message> = {
  string: { vi: 'chuỗi', en: 'a string' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  object: { vi: 'đối tượng {…}', en: 'an object {…}' },
  array: { vi: 'danh sách […]', en: 'a list […]' },
  null: { vi: 'null', en: 'null' },
};

function typeName(type: string): Message {
  return TYPE_NAMES[type] ?? { vi: type, en: type };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function shown(value: unknown): string {
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

function describe(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'custom': {
      const params = issue.params as Partial<Message> | undefined;
      const vi = params?.vi ?? issue.message;
      const en = params?.en ?? issue.message;
      // A refinement of a single string (textMatching) has that string as its input.
      if (typeof issue.input !== 'string') return { vi, en };
      const got = shown(issue.input);
      return { vi: `${vi} (nhận được ${got})`, en: `${en} (got ${got})` };
    }
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      if (issue.input === undefined) {
        return { vi: `thiếu (bắt buộc, là ${expected.vi})`, en: `is required (${expected.en})` };
      }
      const received = typeName(typeOf(issue.input));
      return {
        vi: `phải là ${expected.vi}, nhận được ${received.vi}`,
        en: `must be ${expected.en}, got ${received.en}`,
      };
    }
    case 'invalid_value':
      return oneOf(issue.values, issue.input);
    case 'too_small':
    case 'too_big':
      return describeSize(issue);
    case 'invalid_format': {
      const got = shown(issue.input);
      return { vi: `không đúng dạng (nhận được ${got})`, en: `has the wrong form (got ${got})` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return {
        vi: `khóa không được hỗ trợ: ${keys} (gõ sai tên?)`,
        en: `unsupported keys: ${keys} (misspelt?)`,
      };
    }
    case 'invalid_union': {
      // A discriminated union reports at the discriminator's own path, with the whole object as input.
      if ('options' in issue && issue.discriminator !== undefined && issue.options) {
        const input = issue.input as Record<string, unknown> | undefined;
        return oneOf(issue.options, input?.[issue.discriminator]);
      }
      // Say what each allowed shape expected, from the first complaint of each.
      const alternatives = issue.errors.flatMap((alternative) => {
        const first = alternative[0];
        return first ? [describe(first)] : [];
      });
      return {
        vi: `không khớp dạng nào được phép: ${alternatives.map((a) => a.vi).join(' | hoặc ')}`,
        en: `matches none of the allowed shapes: ${alternatives.map((a) => a.en).join(' | or ')}`,
      };
    }
    default:
      return { vi: `giá trị không hợp lệ (${issue.message})`, en: `invalid value (${issue.message})` };
  }
}

function oneOf(values: readonly unknown[], input: unknown): Message {
  const allowed = values.map(shown).join(', ');
  if (input === undefined) {
    return { vi: `thiếu (bắt buộc, một trong: ${allowed})`, en: `is required (one of: ${allowed})` };
  }
  const got = shown(input);
  return values.length === 1
    ? { vi: `phải là ${allowed}, nhận được ${got}`, en: `must be ${allowed}, got ${got}` }
    : { vi: `phải là một trong: ${allowed}; nhận được ${got}`, en: `must be one of: ${allowed}; got ${got}` };
}

function describeSize(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): Message {
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    return small
      ? { vi: `phải có ít nhất ${bound} ký tự`, en: `must have at least ${bound} characters` }
      : { vi: `chỉ được tối đa ${bound} ký tự`, en: `must have at most ${bound} characters` };
  }
  if (issue.origin === 'array') {
    return small
      ? { vi: `phải có ít nhất ${bound} phần tử`, en: `must have at least ${bound} items` }
      : { vi: `chỉ được tối đa ${bound} phần tử`, en: `must have at most ${bound} items` };
  }
  const got = shown(issue.input);
  const relation = (small ? '>' : '<') + (issue.inclusive === false ? '' : '=');
  return {
    vi: `phải ${relation} ${bound}, nhận được ${got}`,
    en: `must be ${relation} ${bound}, got ${got}`,
  };
}
