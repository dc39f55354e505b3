import { getRulepack } from '@edulens/shared/rules';
import { clipboardGrid, fillSourceFromSheet, type FillSource } from '@edulens/shared/sheets';
import { describe, expect, it } from 'vitest';
import {
  changedSinceFill,
  fill,
  type FillEntry,
  undoFill,
  writeInChunks,
} from '../../extension/features/bulk-fill/filler';
import { buildPlan, type PlanCell, type PlanRow } from '../../extension/features/bulk-fill/plan';
import { sameValue, valueChecker } from '../../extension/features/bulk-fill/values';

// The bulk-fill plan and filler over a fake grid (no DOM): what changes, what is skipped and why,
// one-to-one matching, headerless blocks, chunked writes, undo and the check before "Lưu".

const check = valueChecker(getRulepack('tt22'), false);
const KEYS = [
  ['tx', 0, 'ĐĐGtx 1'],
  ['tx', 1, 'ĐĐGtx 2'],
  ['gk', 0, 'ĐĐGgk'],
  ['ck', 0, 'ĐĐGck'],
  ['average', 0, 'ĐTBmhk'],
] as const;

interface FakeCell extends PlanCell {
  value: string;
  element: { isConnected: boolean };
  row: { key: string; name: string };
}

function fakeRow(key: string, name: string, values: string[], locked: string[] = []): PlanRow<FakeCell> {
  const row = { key, name, cells: [] as FakeCell[] };
  KEYS.forEach(([kind, index, label], i) => {
    const cell: FakeCell = {
      id: `${key}|${kind}|${index}`,
      column: { kind, index, label, computed: kind === 'average' },
      locked: kind === 'average' || locked.includes(label),
      value: values[i] ?? '',
      element: { isConnected: true },
      row,
      read() {
        return this.value;
      },
    };
    row.cells.push(cell);
  });
  return row;
}

/** A stand-in for PortalGrid.writeMany: refuses locked cells, writes the rest. */
const fakeGrid = {
  calls: 0,
  writeMany(entries: ReadonlyArray<{ cell: FakeCell; value: string }>) {
    this.calls++;
    const result = { written: [] as FakeCell[], refused: [] as FakeCell[] };
    for (const { cell, value } of entries) {
      if (cell.locked) result.refused.push(cell);
      else {
        cell.value = value;
        result.written.push(cell);
      }
    }
    return result;
  },
};

function source(tsv: string): FillSource {
  const result = fillSourceFromSheet(clipboardGrid(tsv));
  if (!result.ok) throw new Error(result.reason.en);
  return result.source;
}

const HEADER = 'Mã HS\tHọ và tên\tĐĐGtx 1\tĐĐGtx 2\tĐĐGgk\tĐĐGck\tĐTBmhk\n';

describe('buildPlan', () => {
  it('lists the changes old → new and every skipped cell with its reason', () => {
    const rows = [
      fakeRow('HS1', 'Nguyễn Văn An', ['7', '', '8.0', '5'], ['ĐĐGck']),
      fakeRow('HS2', 'Trần Thị Hoà', ['', '', '', '']),
    ];
    const plan = buildPlan(
      source(`${HEADER}HS1\tNguyễn Văn An\t8,5\t\t8\t9\t9.9\n\tTran Thi Hoa\t10\t11\tx\t7\t\n`),
      rows,
      check,
    );
    const [an, hoa] = plan.rows;
    expect(an).toMatchObject({ status: 'matched', method: 'code', confidence: 1, target: rows[0] });
    expect(an!.changes.map(({ cell, before, after }) => [cell.column.label, before, after])).toEqual([
      ['ĐĐGtx 1', '7', '8.5'],
    ]);
    // A blank in the file is not a change; the average column is the portal's; 8 = 8.0.
    expect(an!.skips.map(({ column, reason }) => [column, reason])).toEqual([
      ['ĐĐGgk', 'unchanged'],
      ['ĐĐGck', 'locked'],
    ]);
    expect(hoa).toMatchObject({ status: 'matched', method: 'deaccent' });
    expect(hoa!.changes.map(({ after }) => after)).toEqual(['10', '7']);
    expect(hoa!.skips.map(({ reason, message }) => [reason, message?.en])).toEqual([
      ['invalid', 'Score 11 must be between 0 and 10'],
      ['invalid', '"x" is not a valid score (e.g. 8 or 8.5)'],
    ]);
    expect(plan.unmappedColumns).toEqual([]);
    expect(plan.counts).toEqual({
      changes: 3,
      skipped: 3,
      matched: 2,
      unknown: 0,
      ambiguous: 0,
      duplicate: 0,
    });
  });

  it('fills nothing for unknown, ambiguous and duplicate rows, and lists the students the file leaves out', () => {
    const rows = [
      fakeRow('HS1', 'Nguyễn Văn An', []),
      fakeRow('HS2', 'Nguyễn Văn An', []),
      fakeRow('HS3', 'Lê Thị Cúc', []),
      fakeRow('HS4', 'Phạm Minh Khôi', []),
    ];
    const plan = buildPlan(
      source(`${HEADER}\tNguyễn Văn An\t8\n\tVõ Văn Lạ\t8\nHS3\tLê Thị Cúc\t8\n\tLê Thị Cúc\t9\n`),
      rows,
      check,
    );
    expect(plan.rows.map((row) => row.status)).toEqual(['ambiguous', 'unknown', 'matched', 'duplicate']);
    expect(plan.rows[0]!.candidates).toEqual([rows[0], rows[1]]);
    expect(plan.changes.map(({ cell }) => cell.id)).toEqual(['HS3|tx|0']);
    expect(plan.missing.map((row) => row.key)).toEqual(['HS1', 'HS2', 'HS4']);
  });

  it('puts a block without a header onto the fillable columns in order, and names columns the page lacks', () => {
    const rows = [fakeRow('6300000001', 'Nguyễn Văn An', [])];
    const plan = buildPlan(source('1\t6300000001\tNguyễn Văn An\t8\t7\t6\t5\t4\n'), rows, check);
    expect(plan.changes.map(({ cell, after }) => [cell.column.label, after])).toEqual([
      ['ĐĐGtx 1', '8'],
      ['ĐĐGtx 2', '7'],
      ['ĐĐGgk', '6'],
      ['ĐĐGck', '5'],
    ]);
    expect(plan.unmappedColumns).toEqual(['H']);
    expect(plan.rows[0]!.skips).toEqual([{ column: 'H', value: '4', reason: 'no-column' }]);
  });

  it('checks Đ/CĐ on comment-only subjects', () => {
    const comments = valueChecker(getRulepack('tt22'), true);
    expect(comments('đạt', 'tx')).toEqual({ ok: true, value: 'Đ' });
    expect(comments('cd', 'ck')).toEqual({ ok: true, value: 'CĐ' });
    expect(comments('8', 'gk').ok).toBe(false);
    expect(sameValue(comments, 'tx', 'Đạt', 'Đ')).toBe(true);
  });
});

describe('filler', () => {
  const entries = (rows: PlanRow<FakeCell>[], tsv: string): FillEntry[] =>
    buildPlan(source(tsv), rows, check).changes as unknown as FillEntry[];
  const holds = ({ cell, after }: FillEntry) => sameValue(check, 'tx', cell.read(), after);

  it('writes in slices with progress, keeps what it wrote, and undo restores only what still holds', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      fakeRow(`HS${i}`, `Học Sinh ${i}`, ['5', '5', '5', '5']),
    );
    const tsv = HEADER + rows.map((row) => `${row.key}\t${row.name}\t8\t8\t8\t8`).join('\n');
    const progress: number[] = [];
    const grid = { ...fakeGrid, calls: 0 };
    const record = await fill(grid as never, entries(rows, tsv), {
      sliceSize: 7,
      budgetMs: 0,
      onProgress: (done) => progress.push(done),
    });
    expect(record.entries).toHaveLength(120);
    expect(grid.calls).toBe(Math.ceil(120 / 7));
    expect(progress.at(-1)).toBe(120);
    expect(progress.length).toBeGreaterThan(2);
    expect(rows.every((row) => row.cells.slice(0, 4).every((cell) => cell.read() === '8'))).toBe(true);

    // The page puts a stored value back into one cell; the teacher retypes another.
    rows[0]!.cells[0]!.value = '5';
    rows[1]!.cells[1]!.value = '9';
    expect(changedSinceFill(record, holds).map(({ cell }) => cell.id)).toEqual(['HS0|tx|0', 'HS1|tx|1']);
    const undone = await undoFill(grid as never, record, holds);
    expect(undone.restored).toHaveLength(118);
    expect(undone.changed.map(({ cell }) => cell.id)).toEqual(['HS0|tx|0', 'HS1|tx|1']);
    expect(rows[1]!.cells[1]!.read()).toBe('9');
    expect(rows[2]!.cells.slice(0, 4).map((cell) => cell.read())).toEqual(['5', '5', '5', '5']);
  });

  it('never writes a locked cell, even one that became locked after the preview', async () => {
    const rows = [fakeRow('HS1', 'An', ['5', '5', '5', '5'])];
    const changes = entries(rows, `${HEADER}HS1\tAn\t8\t8\t8\t8`);
    (rows[0]!.cells[1] as { locked: boolean }).locked = true;
    const record = await fill(fakeGrid as never, changes);
    expect(record.refused.map((cell) => (cell as unknown as FakeCell).id)).toEqual(['HS1|tx|1']);
    expect(rows[0]!.cells.slice(0, 4).map((cell) => cell.read())).toEqual(['8', '5', '8', '8']);
  });

  it('stops between slices when the page goes away', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => fakeRow(`HS${i}`, `Học Sinh ${i}`, []));
    const controller = new AbortController();
    const result = await writeInChunks(
      fakeGrid as never,
      rows.map((row) => ({ cell: row.cells[0] as never, value: '8' })),
      { sliceSize: 3, budgetMs: 0, onProgress: () => controller.abort(), signal: controller.signal },
    );
    expect(result.written).toHaveLength(3);
  });
});
