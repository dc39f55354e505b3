import { vneduProfile } from '@edulens/shared/profiles';
import { type CalendarRef, existsEveryYear } from '@edulens/shared/calendar';
import { describe, expect, it } from 'vitest';
import type { GradeGridPage } from '../../extension/lib/feature';
import {
  calendarFor,
  durationParts,
  gradeOf,
  lockForTerm,
  locksFor,
  schoolYearStart,
  termOf,
} from '../../extension/lib/locks';
import { mapColumns } from '../../extension/lib/portal/header';
import { textKey } from '../../extension/lib/portal/text';

// Pure helpers of the extension's core (no browser): lock lookup and countdown parts, and the
// mapping of header texts to the profile's columns.

const gridPage = vneduProfile.pages.find((page): page is GradeGridPage => page.kind === 'grade-grid')!;

describe('locks', () => {
  it('reads terms, school years and grades as the portal shows them', () => {
    expect([termOf('Học kỳ I'), termOf('Học kỳ II'), termOf('HK 2'), termOf('Cả năm')]).toEqual([
      1,
      2,
      2,
      undefined,
    ]);
    expect(schoolYearStart('Năm học 2025-2026')).toBe(2025);
    expect(schoolYearStart('2024 – 2025')).toBe(2024);
    expect(gradeOf('Khối 6')).toBe(6);
    expect(gradeOf(undefined, '10A2')).toBe(10);
    expect(gradeOf('Khối 13', 'x')).toBeUndefined();
  });

  it('finds each term’s lock of the school year in the vnEdu calendar', () => {
    const now = Date.parse('2026-01-12T20:00:00+07:00');
    const locks = locksFor({ id: 'vnedu-default' }, 2025, now);
    expect(locks.map((lock) => lock.at)).toEqual(['2026-01-15T17:00:00.000Z', '2026-05-31T17:00:00.000Z']);
    expect(lockForTerm(locks, 1)?.title.vi).toBe('Khóa sổ điểm học kỳ I');
    expect(lockForTerm(locks, 2)?.title.vi).toBe('Khóa sổ điểm cả năm');
    const after = locksFor({ id: 'vnedu-default' }, 2025, Date.parse('2026-01-20T00:00:00+07:00'));
    expect(after[0]?.locked).toBe(true);
    expect(locksFor({ id: 'no-such-calendar' } as unknown as CalendarRef, 2025, now)).toEqual([]);
  });

  it('applies the override a profile gives its calendar (the principal’s own lock date)', () => {
    const ref: CalendarRef = {
      id: 'vnedu-default',
      override: {
        province: 'THCS Nguyễn Du',
        replace: [
          {
            id: 'semester-1-score-lock',
            kind: 'lock',
            title: { vi: 'Khóa sổ điểm học kỳ I', en: 'Semester I score book lock' },
            every: 'year',
            at: { month: 1, day: 10, time: '17:00' },
            source: 'Quyết định của Hiệu trưởng (giả định cho kiểm thử)',
          },
        ],
      },
    };
    const now = Date.parse('2026-01-12T20:00:00+07:00');
    const locks = locksFor(ref, 2025, now);
    expect(locks.map((lock) => lock.at)).toEqual(['2026-01-10T10:00:00.000Z', '2026-05-31T17:00:00.000Z']);
    expect(lockForTerm(locks, 1)?.locked).toBe(true);
  });

  it('puts the principal’s lock days in place of the defaults, and only for yearly locks', () => {
    const now = Date.parse('2026-01-12T20:00:00+07:00');
    const locks = locksFor({ id: 'vnedu-default' }, 2025, now, {
      'semester-1-score-lock': { month: 1, day: 10 },
      'no-such-entry': { month: 3, day: 1 },
    });
    expect(locks.map((lock) => lock.at)).toEqual(['2026-01-10T17:00:00.000Z', '2026-05-31T17:00:00.000Z']);
    expect(locks[0]?.locked).toBe(true);
    const calendar = calendarFor({ id: 'vnedu-default' }, { 'semester-1-score-lock': { month: 1, day: 10 } });
    expect(calendar?.entries[0]).toMatchObject({ source: expect.stringContaining('Hiệu trưởng') });
    expect(calendar?.entries[0]).not.toHaveProperty('assumption');
    expect(calendar?.entries[1]).toHaveProperty('assumption');
  });

  it('accepts only lock days every year has', () => {
    expect(existsEveryYear({ month: 1, day: 31 })).toBe(true);
    expect(existsEveryYear({ month: 2, day: 28 })).toBe(true);
    expect(existsEveryYear({ month: 2, day: 29 })).toBe(false);
    expect(existsEveryYear({ month: 4, day: 31 })).toBe(false);
    expect(existsEveryYear({ month: 13, day: 1 })).toBe(false);
    expect(existsEveryYear({ month: 5, day: 0 })).toBe(false);
  });

  it('rounds countdowns down to their two largest units', () => {
    const hour = 3_600_000;
    expect(durationParts(2 * 24 * hour + 5 * hour + 59 * 60_000)).toEqual([
      { unit: 'day', amount: 2 },
      { unit: 'hour', amount: 5 },
    ]);
    expect(durationParts(3 * 24 * hour + 7 * 60_000)).toEqual([{ unit: 'day', amount: 3 }]);
    expect(durationParts(59_999)).toEqual([]);
  });
});

describe('header mapping', () => {
  it('folds spellings of header texts', () => {
    expect(textKey('ĐĐGtx')).toBe(textKey('ddgtx'));
    expect(textKey('Mã\u00a0HS:')).toBe(textKey('Mã HS'));
    expect(textKey('Ho\u0300 va\u0300 tên')).toBe(textKey('Họ và tên'));
  });

  it('maps merged header stacks to columns, whatever their order', () => {
    const stacks = [
      ['STT'],
      ['Họ và tên'],
      ['Mã học sinh'],
      ['ĐĐGck'],
      ['ĐĐGtx', '1'],
      ['ĐĐGtx', '2'],
      ['ĐĐGgk'],
      ['ĐTBmhk'],
      ['ĐTBmcn'],
    ];
    const { columns, keyPosition, namePositions } = mapColumns(gridPage, { stacks });
    expect(keyPosition).toBe(2);
    expect(namePositions).toEqual([1]);
    expect(columns.map((c) => `${c.position}:${c.kind}${c.index}:${c.label}:${c.computed}`)).toEqual([
      '3:ck0:ĐĐGck:false',
      '4:tx0:ĐĐGtx 1:false',
      '5:tx1:ĐĐGtx 2:false',
      '6:gk0:ĐĐGgk:false',
      '7:average0:ĐTBmhk:true',
      '8:yearAverage0:ĐTBmcn:true',
    ]);
  });

  it('maps a TT27 book: a name over two cells, KT and XL with their retake twins, a comment', () => {
    const stacks = [
      ['STT'],
      ['Mã HS'],
      ['Họ và tên'],
      ['Họ và tên'],
      ['Ngày sinh'],
      ['Nhận xét cuối kỳ'],
      ['KT CN'],
      ['XL CN'],
      ['KT CN(Sau thi lại)'],
      ['XL CN(Sau thi lại)'],
      ['SMS'],
    ];
    const { columns, keyPosition, namePositions } = mapColumns(gridPage, { stacks });
    expect(keyPosition).toBe(1);
    expect(namePositions).toEqual([2, 3]);
    expect(columns.map((c) => `${c.position}:${c.kind}:${c.checks ?? '-'}:${c.computed}`)).toEqual([
      '4:birthDate:-:true',
      '5:comment:comment:false',
      '6:test:test:false',
      '7:level:level:false',
      '8:retakeTest:test:false',
      '9:retakeLevel:level:false',
    ]);
  });
});
