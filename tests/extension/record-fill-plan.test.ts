import fc from 'fast-check';
import type { GridSheet } from '@edulens/shared/sheets';
import { describe, expect, it } from 'vitest';
import { identityRecordFields } from '@edulens/shared/profiles';
import type { RecordField } from '../../extension/features/record-bulk-fill/fields';
import { mappingOf } from '../../extension/features/record-bulk-fill/mapping';
import { buildRecordPlan, type ListStudent } from '../../extension/features/record-bulk-fill/plan';
import { recordSheet } from '../../extension/features/record-bulk-fill/record-sheet';

// The plan of a record fill: rows matched by the shared policy (code, then name + birth date),
// never a doubtful or ambiguous one; only mapped fields; old → new where the list shows the old
// value; invalid values refused with the record rules' reason. The invariants are checked over
// generated hostile files as well.

const students: ListStudent[] = [
  {
    key: '101',
    code: 'HS0001',
    name: 'Nguyễn Văn An',
    birthDate: '03/04/2012',
    shown: { gender: 'Nam', ethnicity: 'Kinh' },
  },
  {
    key: '102',
    code: 'HS0002',
    name: 'Trần Thị Bích',
    birthDate: '15/08/2012',
    shown: { gender: 'Nữ', ethnicity: '' },
  },
  {
    key: '103',
    code: 'HS0003',
    name: 'Lê Minh Châu',
    birthDate: '01/01/2012',
    shown: { gender: '', ethnicity: 'Kinh' },
  },
  {
    key: '104',
    code: 'HS0004',
    name: 'Lê Minh Châu',
    birthDate: '02/02/2012',
    shown: { gender: 'Nữ', ethnicity: 'Kinh' },
  },
];

const header = ['Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Số CCCD', 'Địa chỉ'];
const planOf = (rows: unknown[][], list = students) => {
  const read = recordSheet({ name: 'S', rows: [header, ...rows] as GridSheet['rows'], merges: [] });
  if (!read.ok) throw new Error(read.reason.en);
  return buildRecordPlan(read.source, mappingOf(read.source.columns, undefined), list);
};

describe('record fill plan', () => {
  it('matches by code, then name + birth date; lists the changes old → new', () => {
    const plan = planOf([
      ['HS0002', 'Trần Thị Bích', '15/08/2012', 'Nữ', 'Khmer', '', 'Ấp 3, xã Long Phước'],
      ['', 'Lê Minh Châu', '01/01/2012', 'Nữ', 'Kinh', '', ''],
      ['', 'Nguyễn Văn An', '03/04/2012', 'nam', 'kinh', '', ''],
    ]);
    expect(plan.records.map((record) => record.student.key)).toEqual(['102', '103']);
    expect(plan.records[0]!.changes).toEqual([
      { field: 'ethnicity', before: '', after: 'Khmer' },
      { field: 'address', after: 'Ấp 3, xã Long Phước' },
    ]);
    expect(plan.records[1]!.changes).toEqual([{ field: 'gender', before: '', after: 'Nữ' }]);
    // "nam"/"kinh" are the items the list shows already.
    expect(plan.unchanged).toBe(1);
    expect(plan.skipped).toEqual([]);
  });

  it('skips with the reason: same name without a birth date, unknown code, unknown name, doubtful', () => {
    const plan = planOf([
      ['', 'Lê Minh Châu', '', 'Nữ', '', '', ''],
      ['HS9999', 'Nguyễn Văn An', '', 'Nam', '', '', ''],
      ['', 'Phạm Thị Dung', '', 'Nữ', '', '', ''],
      ['HS0001', 'Trần Thị Bích', '', 'Nữ', '', '', ''],
    ]);
    expect(plan.records).toEqual([]);
    expect(plan.skipped.map((skip) => skip.reason.vi)).toEqual([
      expect.stringContaining('nhiều học sinh'),
      expect.stringContaining('mã học sinh không có'),
      expect.stringContaining('không có học sinh nào'),
      expect.stringContaining('chưa chắc'),
    ]);
    for (const skip of plan.skipped) expect(skip.reason.en).not.toBe('');
  });

  it('writes the name and birth date only when the code decided the match', () => {
    const byCode = planOf([['HS0001', 'Nguyễn Văn  An'.normalize('NFD'), '03/04/2012', '', '', '', '']]);
    expect(byCode.records).toEqual([]);
    const tone = planOf([['', 'Nguyễn Văn An', '3/4/2012', '', '', '', 'x']]);
    expect(tone.records[0]!.changes.map((change) => change.field)).toEqual(['address']);
  });

  it('refuses a value the record rules refuse, and fills the rest of the row', () => {
    const plan = planOf([['HS0001', 'Nguyễn Văn An', '', '', '', '086312000123', 'Ấp 1']]);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]!.field).toBe('citizenId');
    expect(plan.records[0]!.changes.map((change) => change.field)).toEqual(['address']);
  });

  it('over generated hostile files: only sure matches, only mapped fields, one row per student', () => {
    const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
    const cell = fc.oneof(
      pick(['', 'Nam', 'Nữ', 'Kinh', 'Khmer', '086212000123', '0912345678', ' ', '\u0000', '<b>x</b>']),
      fc.string({ maxLength: 30 }),
      fc.integer(),
    );
    const identity = fc.record({
      code: fc.oneof(
        pick(['', 'HS0001', 'HS0002', 'HS0003', 'HS0004', 'hs0001', 'HS9']),
        fc.string({ maxLength: 8 }),
      ),
      name: fc.oneof(
        pick(students.map((s) => s.name)),
        pick(students.map((s) => s.name.normalize('NFD'))),
        fc.string({ maxLength: 20 }),
      ),
      birth: fc.oneof(pick(['', ...students.map((s) => s.birthDate)]), fc.string({ maxLength: 12 })),
    });
    const row = fc.tuple(identity, fc.array(cell, { minLength: 4, maxLength: 4 }));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.subarray([...header.keys()].slice(3)),
        (rows, dropped) => {
          const read = recordSheet({
            name: 'S',
            rows: [
              header,
              ...rows.map(([id, cells]) => [id.code, id.name, id.birth, ...cells]),
            ] as GridSheet['rows'],
            merges: [],
          });
          if (!read.ok) return;
          // The teacher leaves some columns out.
          const mapping = new Map(mappingOf(read.source.columns, undefined));
          for (const col of dropped) mapping.delete(col);
          const plan = buildRecordPlan(read.source, mapping, students);
          const mapped = new Set(mapping.values());
          const seen = new Set<string>();
          for (const record of plan.records) {
            expect(seen.has(record.student.key)).toBe(false);
            seen.add(record.student.key);
            expect(students).toContain(record.student);
            const source = read.source.rows.find((r) => r.row === record.row)!;
            // A sure match: the code is the student's, or no code and the same name.
            const code = String(source.cells[0] ?? '')
              .replace(/\s+/g, '')
              .toUpperCase();
            if (code !== '') expect(record.student.code).toBe(code);
            for (const change of record.changes) {
              expect(mapped.has(change.field)).toBe(true);
              if (identityRecordFields.has(change.field as RecordField)) expect(code).not.toBe('');
              expect(change.after).not.toBe('');
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
