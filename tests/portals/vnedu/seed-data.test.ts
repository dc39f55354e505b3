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
    const students = roster.classes.flatMap((c) => c.students);
    const codes = students.map((student) => student.code);
    for (const { students } of roster.classes) expect(students.length).toBeGreaterThanOrEqual(35);
    for (const { students } of roster.classes) expect(students.length).toBeLessThanOrEqual(48);
    expect(codes.every((code) => /^\d{10}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(schools.map((school) => school.code).every((code) => /^\d{8}$/.test(code))).toBe(true);
    // The portal's internal id is another number than the code, also unique.
    const ids = students.map((student) => student.hocSinhId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(students.every((s) => String(s.hocSinhId) !== s.code && /^\d{7}$/.test(String(s.hocSinhId)))).toBe(
      true,
    );
    expect(students.every((s) => `${s.familyName} ${s.givenName}`.trim() === s.fullName)).toBe(true);
    expect(students.every((s) => /^\d{2}\/\d{2}\/20(0|1)\d$/.test(s.birthDate))).toBe(true);
  });

  it('has a primary school whose class 2D has 38 students born in 2018', () => {
    const primary = schools.find((school) => school.level === 'th')!;
    expect(primary.name).toBe('Trường Tiểu học Trần Quốc Toản');
    const twoD = buildRoster(2025).find(primary.code, '2D')!;
    expect(twoD.students).toHaveLength(38);
    expect(twoD.students.every((s) => s.birthDate.endsWith('/2018'))).toBe(true);
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
    expect(computedColumns(subject('TOAN'), 2).map((c) => c.header)).toEqual(['ĐTBmhk', 'TB cả năm']);
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

  it('starts with the primary mid-term of semester I entered and the other periods empty', async () => {
    const book = async (muc: string) =>
      (await scores(2025, `school=thtqt&lop=2D&mon=TV&muc=${muc}`)) as { rows: Array<{ values: object }> };
    expect((await book('gk1')).rows.some((row) => Object.keys(row.values).length > 0)).toBe(true);
    for (const muc of ['ck1', 'gk2', 'ck2'])
      expect((await book(muc)).rows.every((row) => Object.keys(row.values).length === 0)).toBe(true);
  });

  it('starts part-way through semester I with semester II empty', async () => {
    const first = (await scores(2025, 'lop=6A1&mon=TOAN&hk=1')) as { rows: Array<{ values: object }> };
    const second = (await scores(2025, 'lop=6A1&mon=TOAN&hk=2')) as { rows: Array<{ values: object }> };
    expect(first.rows.some((row) => Object.keys(row.values).length > 0)).toBe(true);
    expect(second.rows.every((row) => Object.keys(row.values).length === 0)).toBe(true);
  });
});
