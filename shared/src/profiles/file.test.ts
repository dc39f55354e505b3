import { describe, expect, it } from 'vitest';
import { nextEvents, resolveCalendar } from '../calendar/index';
import sample from './__fixtures__/sample-portal.profile.json';
import { matchesUrl, parseProfileFile } from './file';
import { selectRulepack } from './schema';

type Json = Record<string, unknown>;

/** A deep copy of the sample file with one change made by `edit`. */
function sampleWith(edit: (file: Json & { profile: Json & { pages: Json[] } }) => void): unknown {
  const copy = JSON.parse(JSON.stringify(sample)) as Json & { profile: Json & { pages: Json[] } };
  edit(copy);
  return copy;
}

function messages(json: unknown) {
  const result = parseProfileFile(json);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map((p) => {
    expect(p.code).toBe('profile.invalid');
    return p.message;
  });
}

describe('parseProfileFile', () => {
  it('accepts the sample profile, as data and as JSON text', () => {
    const result = parseProfileFile(sample);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.id).toBe('sample-portal');
    expect(result.profile.pages.map((page) => page.kind)).toEqual([
      'login',
      'grade-grid',
      'record-form',
      'import-upload',
    ]);
    expect(parseProfileFile(JSON.stringify(sample))).toEqual(result);
    expect(parseProfileFile({ $schema: 'https://example.invalid/profile.schema.json', ...sample }).ok).toBe(
      true,
    );
  });

  it('gives typed pages, a usable rulepack selection and the overridden calendar', () => {
    const result = parseProfileFile(sample);
    if (!result.ok) throw new Error('sample refused');
    const grid = result.profile.pages.find((page) => page.kind === 'grade-grid');
    expect(grid?.grid.columns.tx?.repeat).toBe(true);
    expect(grid?.cell.locked).toEqual(['no-input', 'disabled', { selector: 'td.locked' }]);
    expect(grid?.context?.schoolYear?.[0]).toEqual({ field: 'namHoc' });
    if (!grid) return;
    expect(selectRulepack(grid.rulepack, 3)).toBe('tt27');
    expect(selectRulepack(grid.rulepack, 10)).toBe('tt22');
    expect(selectRulepack(grid.rulepack, 13)).toBe('tt22'); // `otherwise`
    expect(selectRulepack(grid.rulepack, undefined)).toBe('tt22');
    expect(selectRulepack('tt58', 7)).toBe('tt58');
    // A staff member's record is a record form like a student's, only its `record` differs.
    const staff = result.profile.pages.find((page) => page.kind === 'record-form');
    expect(staff?.record).toBe('staff');
    expect(Object.keys(staff?.fields ?? {})).toEqual(['fullName', 'citizenId', 'phone']);

    const calendar = resolveCalendar(result.profile.calendar);
    if (!calendar.ok) throw new Error('override refused');
    const [next] = nextEvents(calendar.calendar, new Date('2027-01-03T08:00:00+07:00'), { limit: 1 });
    expect(next).toMatchObject({ entryId: 'semester-1-lock', at: new Date('2027-01-05T00:00:00+07:00') });
    expect(matchesUrl(result.profile, 'https://thcs-a.so-diem.example/app/grades')).toBe(true);
  });

  it('names the JSON path of a wrong value, in Vietnamese and English', () => {
    const [message] = messages(
      sampleWith((file) => {
        ((file.profile.pages[1]!.grid as Json).pagination as Json).kind = 'infinite';
      }),
    );
    expect(message?.vi).toMatch(/^profile\.pages\[1\]\.grid\.pagination\.kind: /);
    expect(message?.en).toMatch(/^profile\.pages\[1\]\.grid\.pagination\.kind: /);
  });

  it('names a missing field', () => {
    const [message] = messages(
      sampleWith((file) => {
        delete (file.profile.pages[1]!.cell as Json).input;
      }),
    );
    expect(message?.vi).toBe('profile.pages[1].cell.input: thiếu (bắt buộc, là chuỗi)');
    expect(message?.en).toBe('profile.pages[1].cell.input: is required (a string)');
  });

  it('asks a per-grade rulepack for the one to use when the grade cannot be read', () => {
    const found = messages(
      sampleWith((file) => {
        delete (file.profile.pages[1]!.rulepack as Json).otherwise;
      }),
    );
    expect(found.map((message) => message?.en).join('\n')).toContain('profile.pages[1].rulepack');
    expect(found.map((message) => message?.en).join('\n')).toContain('is required (one of: "tt22"');
  });

  it('names a misspelt key', () => {
    const [message] = messages(
      sampleWith((file) => {
        (file.profile.pages[1]!.grid as Json).hedaerRows = 2;
      }),
    );
    expect(message?.vi).toBe('profile.pages[1].grid: khóa không được hỗ trợ: "hedaerRows" (gõ sai tên?)');
  });

  it('has no page kind of its own for a staff form: it is a record form of `record: "staff"`', () => {
    const [message] = messages(
      sampleWith((file) => {
        file.profile.pages[0]!.kind = 'staff-form';
      }),
    );
    expect(message?.vi).toContain('nhận được "staff-form"');
  });

  it('names an unknown page kind and lists the known ones', () => {
    const [message] = messages(
      sampleWith((file) => {
        file.profile.pages[0]!.kind = 'dashboard';
      }),
    );
    expect(message?.vi).toContain(
      'profile.pages[0].kind: phải là một trong: "grade-grid", "record-form", "record-list"',
    );
    expect(message?.vi).toContain('nhận được "dashboard"');
  });

  it('refuses a bad match pattern, an overlapping grade range and a target with both selector and text', () => {
    const found = messages(
      sampleWith((file) => {
        file.profile.match = ['vnedu.vn'];
        (file.profile.pages[1]!.rulepack as { byGrade: Json }).byGrade['5-6'] = 'tt58';
        (file.profile.pages[1]!.save as Json).button = { selector: '#save', text: ['Lưu'] };
      }),
    );
    expect(found.map((m) => m.vi)).toEqual([
      'profile.match[0]: phải là mẫu địa chỉ dạng "https://*.vnedu.vn/v5/*" (nhận được "vnedu.vn")',
      'profile.pages[1].rulepack.byGrade["5-6"]: khối 5 nằm trong cả "1-5" và "5-6"',
      'profile.pages[1].save.button: cần đúng một trong hai: "selector" hoặc "text"',
    ]);
  });

  it('says what each allowed shape expects when a value fits none', () => {
    const [message] = messages(
      sampleWith((file) => {
        file.profile.pages[1]!.rulepack = 22;
      }),
    );
    expect(message?.vi).toBe(
      'profile.pages[1].rulepack: không khớp dạng nào được phép: phải là một trong: "tt22", "tt26", "tt58", "tt27", "tt30"; nhận được 22 | hoặc phải là đối tượng {…}, nhận được số',
    );
    expect(message?.en).toBe(
      'profile.pages[1].rulepack: matches none of the allowed shapes: must be one of: "tt22", "tt26", "tt58", "tt27", "tt30"; got 22 | or must be an object {…}, got a number',
    );
  });

  it('refuses a calendar override that does not fit the calendar', () => {
    const [message] = messages(
      sampleWith((file) => {
        ((file.profile.calendar as Json).override as Json).remove = ['no-such-entry'];
      }),
    );
    expect(message?.vi).toBe(
      'profile.calendar.override: remove[0]: lịch "smas-vinhlong" không có mục "no-such-entry"',
    );
  });

  it('reaches into the calendar entries of an override', () => {
    const [message] = messages(
      sampleWith((file) => {
        const override = (file.profile.calendar as Json).override as { replace: Json[] };
        override.replace[0]!.at = { month: 1, day: 5, time: '25:00' };
      }),
    );
    expect(message).toEqual({
      vi: 'profile.calendar.override.replace[0].at.time: phải là giờ dạng HH:MM từ 00:00 đến 24:00 (nhận được "25:00")',
      en: 'profile.calendar.override.replace[0].at.time: must be a time HH:MM from 00:00 to 24:00 (got "25:00")',
    });
  });

  it('refuses an unknown calendar id, a wrong format marker and a newer format version', () => {
    const found = messages(
      sampleWith((file) => {
        file.format = 'something-else';
        file.formatVersion = 2;
        (file.profile.calendar as Json).id = 'smas-hanoi';
      }),
    );
    expect(found.map((m) => m.en)).toEqual([
      'format: must be "edulens-profile", got "something-else"',
      'formatVersion: must be 1, got 2',
      expect.stringContaining('profile.calendar.id: must be one of: "smas-vinhlong", "csdl-sync"'),
    ]);
  });

  it('checks the sync recipe steps', () => {
    const found = messages(
      sampleWith((file) => {
        file.profile.sync = [
          { action: 'goto', url: 'C1/Import.aspx' },
          { action: 'expect' },
          { action: 'wait' },
        ];
      }),
    );
    expect(found.map((m) => m.vi)).toEqual([
      'profile.sync[0].url: phải là địa chỉ http(s):// hoặc đường dẫn bắt đầu bằng "/" (nhận được "C1/Import.aspx")',
      'profile.sync[1]: cần "target" hoặc "url" để chờ',
      expect.stringContaining(
        'profile.sync[2].action: phải là một trong: "goto", "fill", "click", "upload", "expect"',
      ),
    ]);
  });

  it('reports text that is not JSON, and a file that is not an object', () => {
    const broken = parseProfileFile('{ "format": ');
    expect(!broken.ok && broken.problems[0]?.code).toBe('profile.json');
    expect(!broken.ok && broken.problems[0]?.message.vi).toMatch(/^Tệp không phải JSON hợp lệ/);
    const [root] = messages(42);
    expect(root?.vi).toBe('(gốc của tệp): phải là đối tượng {…}, nhận được số');
  });
});
