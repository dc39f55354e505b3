import { describe, expect, it } from 'vitest';
import { createVnEduPortal } from './app';
import { buildRoster } from './roster';
import { schools } from './schools';
import {
  computedColumns,
  entryColumns,
  formatTenths,
  semesterAverageTenths,
  yearAverageTenths,
} from './scoring';
import { findSubject, type Subject } from './subjects';

const subject = (code: string): Subject => {
  const found = findSubject(code);
  if (!found) throw new Error(code);
  return found;
};

const scores = async (seed: number, query: string) =>
  (await createVnEduPortal({ seed }).app.request(`/__test/scores?${query}`)).json();

describe('vnEdu simulator: seeded data', () => {
  it('is the same for the same seed and differs for another', async () => {
    const query = 'school=thcsnd&lop=7A2&mon=VAN&hk=1';
    expect(await scores(7, query)).toEqual(await scores(7, query));
    expect(await scores(7, query)).not.toEqual(await scores(8, query));
  });

  it('has classes of 35–48 students with unique 10-digit codes and 8-digit school codes', () => {
    const roster = buildRoster(2025);
    const codes = roster.classes.flatMap((c) => c.students.map((student) => student.code));
    for (const { students } of roster.classes) expect(students.length).toBeGreaterThanOrEqual(35);
    for (const { students } of roster.classes) expect(students.length).toBeLessThanOrEqual(48);
    expect(codes.every((code) => /^\d{10}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(schools.map((school) => school.code).every((code) => /^\d{8}$/.test(code))).toBe(true);
  });

  it('puts minority, old-tone and namesake students in the first class', () => {
    const names =
      buildRoster(2025)
        .find('63001012', '6A1')
        ?.students.map((student) => student.fullName) ?? [];
    for (const name of ["H'Hen Niê", 'Y Bhin Mlô', 'Hoàng Thị Thuỷ', 'Lò Văn Pấng', 'Sùng A Páo']) {
      expect(names).toContain(name);
    }
    expect(names.filter((name) => name === 'Nguyễn Văn An')).toHaveLength(2);
    expect(names.every((name) => name === name.normalize('NFC'))).toBe(true);
  });

  it('gives each subject the TT22 number of regular assessments', () => {
    const tx = (code: string, grade: 6 | 8) =>
      entryColumns(subject(code), grade).filter((column) => column.key.startsWith('tx')).length;
    expect([tx('TOAN', 6), tx('ANH', 6), tx('GDCD', 6), tx('CN', 6), tx('CN', 8), tx('GDTC', 6)]).toEqual([
      4, 4, 2, 2, 3, 3,
    ]);
    expect(computedColumns(subject('TOAN'), 2).map((c) => c.header)).toEqual(['ĐTBmhk', 'ĐTBmcn']);
    expect(computedColumns(subject('NT'), 1).map((c) => c.header)).toEqual(['Kết quả HK']);
  });

  it('rounds averages half-up in exact tenths', () => {
    const columns = entryColumns(subject('CN'), 8);
    // (8 + 8 + 8.5 + 2·8 + 3·8.5) / 8 = 8.25 → 8.3
    const values = { tx1: '8', tx2: '8', tx3: '8.5', gk: '8', ck: '8.5' };
    expect(formatTenths(semesterAverageTenths(values, columns) ?? -1)).toBe('8.3');
    const { ck: _ck, ...withoutEndOfTerm } = values;
    expect(semesterAverageTenths(withoutEndOfTerm, columns)).toBeUndefined();
    expect(formatTenths(yearAverageTenths(81, 82))).toBe('8.2');
  });

  it('starts part-way through semester I with semester II empty', async () => {
    const first = (await scores(2025, 'lop=6A1&mon=TOAN&hk=1')) as { rows: Array<{ values: object }> };
    const second = (await scores(2025, 'lop=6A1&mon=TOAN&hk=2')) as { rows: Array<{ values: object }> };
    expect(first.rows.some((row) => Object.keys(row.values).length > 0)).toBe(true);
    expect(second.rows.every((row) => Object.keys(row.values).length === 0)).toBe(true);
  });
});
