import fc from 'fast-check';
import { getRulepack } from '@edulens/shared/rules';
import { clipboardGrid, fillSourceFromSheet, type FillSource } from '@edulens/shared/sheets';
import { describe, expect, it } from 'vitest';
import {
  changedSinceFill,
  fill,
  type FillEntry,
  type FillRecord,
  type UndoResult,
  undoFill,
  writeInChunks,
} from '../../extension/features/bulk-fill/filler';
import { FillSession } from '../../extension/features/bulk-fill/fill-session';
import {
  type PagedFill,
  planWaiting,
  settleStep,
  settleUndo,
  startPagedFill,
  stopWaiting,
  toUndo,
  withoutCells,
} from '../../extension/features/bulk-fill/paged-fill';
import { buildPlan, type PlanCell, type PlanRow } from '../../extension/features/bulk-fill/plan';
import { sameValue, valueChecker } from '../../extension/features/bulk-fill/values';

// The bulk-fill plan and filler over a fake grid (no DOM): what changes, what is skipped and why,
// one-to-one matching, headerless blocks, chunked writes, undo and the check before "Lưu"; and the
// fill of a paged grid, whose rows wait for their page and are matched as it renders.

const check = valueChecker(getRulepack('tt22'), 'Toán');
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
      column: {
        kind,
        index,
        label,
        computed: kind === 'average',
        ...(kind !== 'average' && { checks: kind }),
      },
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
      overwrites: 1,
      skipped: 3,
      matched: 2,
      doubtful: 0,
      pending: 0,
      unknown: 0,
      notInClass: 0,
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
    // The two An are unsure (the file has one row that could be either), not missing.
    expect(plan.missing.map((row) => row.key)).toEqual(['HS4']);
    expect(plan.unsure.map((row) => row.key)).toEqual(['HS1', 'HS2']);
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
    const comments = valueChecker(getRulepack('tt22'), 'Giáo dục thể chất');
    expect(comments('đạt', 'tx')).toEqual({ ok: true, value: 'Đ' });
    expect(comments('cd', 'ck')).toEqual({ ok: true, value: 'CĐ' });
    expect(comments('8', 'gk').ok).toBe(false);
    expect(sameValue(comments, 'tx', 'Đạt', 'Đ')).toBe(true);
  });
});

// A TT27 end-of-year book: comment (maxlength 500), KT, XL, and the retake twins, locked.
const PRIMARY = [
  ['comment', 'comment', 'Nhận xét cuối kỳ'],
  ['test', 'test', 'KT CN'],
  ['level', 'level', 'XL CN'],
  ['retakeTest', 'test', 'KT CN(Sau thi lại)'],
  ['retakeLevel', 'level', 'XL CN(Sau thi lại)'],
] as const;
const primaryCheck = valueChecker(getRulepack('tt27'), 'Tiếng Việt');
const PRIMARY_HEADER = 'Mã HS\tHọ và tên\tNhận xét cuối kỳ\tKT CN\tXL CN\n';

function primaryRow(key: string, name: string, values: string[] = []): PlanRow<FakeCell> {
  const row = { key, name, cells: [] as FakeCell[] };
  PRIMARY.forEach(([kind, checks, label], i) => {
    row.cells.push({
      id: `${key}|${kind}|0`,
      column: { kind, index: 0, label, computed: false, checks },
      locked: kind.startsWith('retake'),
      value: values[i] ?? '',
      element: { isConnected: true },
      row,
      read() {
        return this.value;
      },
      maxLength: () => (kind === 'comment' ? 500 : undefined),
    });
  });
  return row;
}

describe('buildPlan on a primary book (TT27)', () => {
  it('fills comments, KT and XL in canonical form; refuses an 11, an X, a 501-character comment and the locked retake cell', () => {
    const rows = [primaryRow('0100000001', 'Lò Thị Mai'), primaryRow('0100000002', 'Vàng A Dế')];
    const long = 'a'.repeat(501);
    const plan = buildPlan(
      source(
        `Mã HS\tHọ và tên\tNhận xét cuối kỳ\tKT CN\tXL CN\tKT CN(Sau thi lại)\n` +
          `0100000001\tLò Thị Mai\tEm đọc tốt.\t9\tt\t7\n\tVàng A Dế\t${long}\t11\tX\t\n`,
      ),
      rows,
      primaryCheck,
    );
    expect(plan.changes.map(({ cell, after }) => [cell.id, after])).toEqual([
      ['0100000001|comment|0', 'Em đọc tốt.'],
      ['0100000001|test|0', '9'],
      ['0100000001|level|0', 'T'],
    ]);
    // The retake column is locked until the retake: listed, never written.
    expect(plan.rows[0]!.skips).toMatchObject([
      { column: 'KT CN(Sau thi lại)', value: '7', reason: 'locked' },
    ]);
    expect(
      plan.rows[1]!.skips.map((skip) => [skip.column, skip.reason, skip.message?.en.slice(0, 20)]),
    ).toEqual([
      ['Nhận xét cuối kỳ', 'invalid', 'The comment has 501 '],
      ['KT CN', 'invalid', 'Score 11 must be bet'],
      ['XL CN', 'invalid', '"X" is not a valid l'],
    ]);
  });

  it('never plans a write into a locked cell or a value the rulepack refuses, whatever the file holds', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.string({ minLength: 490, maxLength: 520 }),
      fc.constantFrom('T', 'h', 'C', 'X', '10', '0', '7.5', '11', 'Hoàn thành tốt', '', ' '),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile, hostile), { minLength: 1, maxLength: 6 }), (lines) => {
        const rows = lines.map((_, i) =>
          primaryRow(`01000000${10 + i}`, `Học Sinh Số ${i}`, ['', '', '', '5', 'H']),
        );
        const clean = (text: string) => text.replace(/[\t\r\n"]/g, ' ');
        const tsv = lines
          .map(([c, k, x], i) =>
            [`01000000${10 + i}`, `Học Sinh Số ${i}`, clean(c), clean(k), clean(x)].join('\t'),
          )
          .join('\n');
        const plan = buildPlan(source(`${PRIMARY_HEADER}${tsv}\n`), rows, primaryCheck);
        for (const { cell, after } of plan.changes) {
          expect(cell.locked).toBe(false);
          const checked = getRulepack('tt27').checkCell(after, cell.column.checks!, { maxLength: 500 });
          expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
          expect(checked.value).toBe(after);
          expect(after.length).toBeLessThanOrEqual(500);
          // Never a wrong student: the change is on the row of the file line's own code.
          expect(cell.id.split('|')[0]).toBe(
            plan.rows.find((row) => row.changes.some((c) => c.cell === cell))?.code,
          );
        }
      }),
      { numRuns: 150 },
    );
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

describe('paged fill', () => {
  const GIVEN = [
    'An',
    'Bình',
    'Chi',
    'Dung',
    'Giang',
    'Hà',
    'Hải',
    'Khoa',
    'Lan',
    'Linh',
    'Long',
    'Mai',
    'Minh',
    'Nam',
    'Ngọc',
  ];
  const nameOf = (i: number) =>
    `${['Nguyễn', 'Trần', 'Lê'][i % 3]} ${['Văn', 'Thị', 'Minh'][Math.floor(i / 15)]} ${GIVEN[i % 15]}`;
  const codeOf = (i: number) => `63${String(1000 + i).padStart(8, '0')}`;
  const UNKNOWN = 'Phan Thị Không Có';

  /** 45 students, 20 a page; ĐĐGtx 1 locked for every seventh. */
  function klass(): PlanRow<FakeCell>[] {
    return Array.from({ length: 45 }, (_, i) =>
      fakeRow(codeOf(i), nameOf(i), ['5', '', '', ''], i % 7 === 0 ? ['ĐĐGtx 1'] : []),
    );
  }
  const pagesOf = (rows: PlanRow<FakeCell>[]) => [rows.slice(0, 20), rows.slice(20, 40), rows.slice(40)];

  /** The class's workbook, shuffled: every fifth student without a code, and one who is not in the class. */
  function classSource(): FillSource {
    const lines = shuffled(Array.from({ length: 45 }, (_, i) => i)).map(
      (i) => `${i % 5 === 2 ? '' : codeOf(i)}\t${nameOf(i)}\t8\t7\t6,5\t9`,
    );
    lines.splice(17, 0, `6399999999\t${UNKNOWN}\t1\t1\t1\t1`);
    return source(HEADER + lines.join('\n'));
  }

  function shuffled(items: number[]): number[] {
    let state = 7;
    for (let i = items.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const j = state % (i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** A grid that counts the writes of every cell; `show` puts one page in the DOM. */
  function pagedGrid(rows: PlanRow<FakeCell>[]) {
    const writes = new Map<string, number>();
    return {
      writes,
      show(page: readonly PlanRow<FakeCell>[]) {
        for (const row of rows) for (const cell of row.cells) cell.element.isConnected = page.includes(row);
        return page;
      },
      writeMany(entries: ReadonlyArray<{ cell: FakeCell; value: string }>) {
        for (const { cell } of entries) if (!cell.locked) writes.set(cell.id, (writes.get(cell.id) ?? 0) + 1);
        return fakeGrid.writeMany(entries);
      },
    };
  }

  type Paged = PagedFill<FakeCell>;
  /** One render of the grid: plan the waiting rows against it, write, settle (as the engine does). */
  async function render(paged: Paged, grid: ReturnType<typeof pagedGrid>, page: PlanRow<FakeCell>[]) {
    grid.show(page);
    const plan = planWaiting(paged, page, check);
    const written = (await fill(grid as never, plan.changes as never)) as unknown as FillRecord<FakeCell>;
    return { plan, next: settleStep(paged, plan, page, written) };
  }

  const values = (row: PlanRow<FakeCell>) => row.cells.slice(0, 4).map((cell) => cell.read());

  it('keeps the rows of students on other pages waiting, fills each as its page renders, once', async () => {
    const rows = klass();
    const pages = pagesOf(rows);
    const grid = pagedGrid(rows);
    let paged = startPagedFill<FakeCell>('book', classSource(), true);

    const first = await render(paged, grid, pages[0]!);
    expect(first.plan.counts).toMatchObject({ matched: 20, pending: 26, unknown: 0 });
    paged = first.next;
    expect(paged.tally.matched).toBe(20);
    expect(paged.waiting.map((row) => row.name)).toContain(UNKNOWN);
    expect(paged.waiting).toHaveLength(26);
    expect(values(rows[25]!)).toEqual(['5', '', '', '']); // page 2: untouched so far

    for (const page of [pages[1]!, pages[2]!, pages[0]!, pages[1]!])
      paged = (await render(paged, grid, page)).next;
    expect(paged.tally).toMatchObject({ matched: 45, unknown: 0, unsure: 0, skipped: 7, cells: 45 * 4 - 7 });
    expect(paged.waiting.map((row) => row.name)).toEqual([UNKNOWN]);
    // Every student has the file's values; locked cells kept theirs; no cell was written twice.
    for (const [i, row] of rows.entries())
      expect(values(row)).toEqual([i % 7 === 0 ? '5' : '8', '7', '6.5', '9']);
    expect(grid.writes.size).toBe(45 * 4 - 7);
    expect([...grid.writes.values()].every((count) => count === 1)).toBe(true);

    const stopped = stopWaiting(paged);
    expect(stopped.waiting).toEqual([]);
    expect(stopped.tally.stopped).toBe(1);
  });

  it('never fills a student twice: a waiting row that fits a student already filled keeps waiting', async () => {
    const rows = klass();
    const pages = pagesOf(rows);
    const grid = pagedGrid(rows);
    const minh = rows[12]!; // on page 1
    const near = `${minh.name.normalize('NFD').replace(/\p{M}/gu, '').replace('đ', 'd')}h`; // a typo of her name
    let paged = startPagedFill<FakeCell>(
      'book',
      source(`${HEADER}${minh.key}\t${minh.name}\t8\t7\t6\t9\n\t${near}\t1\t1\t1\t1\n`),
      true,
    );
    for (const page of [pages[0]!, pages[1]!, pages[0]!]) paged = (await render(paged, grid, page)).next;
    expect(values(minh)).toEqual(['8', '7', '6', '9']);
    expect(grid.writes.get(minh.cells[1]!.id)).toBe(1);
    expect(paged.waiting.map((row) => row.name)).toEqual([near]);
  });

  it('drops the waiting rows when the page shows another book (class, subject or term)', () => {
    const session = new FillSession();
    const paged = startPagedFill<FakeCell>('6A1|Toán|HK I', classSource(), true);
    session.set(paged as never);
    expect(session.of('6A1|Toán|HK I')).toBe(paged);
    expect(session.of('6A2|Toán|HK I')).toBeUndefined();
    expect(session.of('6A1|Toán|HK I')).toBeUndefined(); // back on the first book: gone for good
  });

  it('on a grid that shows the whole class, reports unknown rows at once instead of waiting', () => {
    const rows = klass();
    const plan = planWaiting(startPagedFill<FakeCell>('book', classSource(), false), rows, check);
    expect(plan.counts).toMatchObject({ matched: 45, pending: 0, notInClass: 1 });
  });

  it('matches against every student seen: a name that also fits a student off screen is not guessed', () => {
    const shown = [fakeRow('HS2', 'Lê Văn Bình', [])];
    const offscreen = [
      { key: 'HS1', name: 'Lê Văn Bình' },
      { key: 'HS3', name: 'Đỗ Thị Hoa' },
    ];
    const plan = buildPlan(source(`${HEADER}\tLê Văn Bình\t8\nHS3\tĐỗ Thị Hoa\t8\n`), shown, check, {
      partial: true,
      offscreen,
    });
    expect(plan.rows.map((row) => row.status)).toEqual(['ambiguous', 'pending']);
    expect(plan.rows[0]!.candidates.map((student) => student.key).sort()).toEqual(['HS1', 'HS2']);
    expect(plan.changes).toEqual([]);
  });

  it('reports a row filled by name when a student seen later fits it as well', async () => {
    const rows = [
      fakeRow('HS1', 'Lê Văn Bình', []),
      fakeRow('HS2', 'Trần An', []),
      fakeRow('HS3', 'Lê Văn Bình', []),
    ];
    const grid = pagedGrid(rows);
    let paged = startPagedFill<FakeCell>(
      'book',
      source(`${HEADER}\tLê Văn Bình\t8\nHS2\tTrần An\t7\n`),
      true,
    );
    paged = (await render(paged, grid, [rows[0]!])).next;
    expect(paged.doubts).toEqual([]);
    paged = (await render(paged, grid, [rows[1]!, rows[2]!])).next;
    expect(paged.doubts.map(({ row, target, other }) => [row.name, target.key, other.key])).toEqual([
      ['Lê Văn Bình', 'HS1', 'HS3'],
    ]);
    expect(paged.tally.matched).toBe(2);
  });

  it('finishes a row the page interrupted when it renders again, without counting it twice', async () => {
    const rows = klass().slice(0, 6);
    const grid = pagedGrid(rows);
    let paged = startPagedFill<FakeCell>(
      'book',
      source(HEADER + rows.map((r) => `${r.key}\t${r.name}\t8\t7\t6\t9`).join('\n')),
      true,
    );
    grid.show(rows);
    const plan = planWaiting(paged, rows, check);
    const controller = new AbortController();
    const cut = (await fill(grid as never, plan.changes as never, {
      sliceSize: 5,
      budgetMs: 0,
      onProgress: () => controller.abort(),
      signal: controller.signal,
    })) as unknown as FillRecord<FakeCell>;
    paged = settleStep(paged, plan, rows, cut);
    expect(paged.tally.matched).toBe(1); // 5 cells written: the first row (3 + 1 locked), 2 of the second
    expect(paged.waiting).toHaveLength(5);
    paged = (await render(paged, grid, rows)).next;
    expect(paged.tally).toMatchObject({ matched: 6, cells: 6 * 4 - 1 });
    expect([...grid.writes.values()].every((count) => count === 1)).toBe(true);
  });

  it('finishes an undo the page interrupted when the rows render again', async () => {
    const rows = klass().slice(0, 10);
    const grid = pagedGrid(rows);
    let paged = (
      await render(
        startPagedFill<FakeCell>(
          'book',
          source(HEADER + rows.map((r) => `${r.key}\t${r.name}\t8\t7\t6\t9`).join('\n')),
          true,
        ),
        grid,
        rows,
      )
    ).next;
    const holds = ({ cell, after }: FillEntry<FakeCell>) => sameValue(check, 'tx', cell.read(), after);
    const controller = new AbortController();
    const cut = await undoFill(grid as never, { entries: toUndo(paged) as never }, holds as never, {
      sliceSize: 8,
      budgetMs: 0,
      onProgress: () => controller.abort(),
      signal: controller.signal,
    });
    paged = settleUndo(paged, cut as unknown as UndoResult<FakeCell>);
    expect(paged.undo).toMatchObject({ restored: 8, changed: 0 });
    expect(paged.undo!.waiting).toHaveLength(10 * 4 - 2 - 8);
    const rest = await undoFill(grid as never, { entries: toUndo(paged) as never }, holds as never);
    paged = settleUndo(paged, rest as unknown as UndoResult<FakeCell>);
    expect(paged.undo).toMatchObject({ restored: 10 * 4 - 2, waiting: [] });
    for (const row of rows) expect(values(row)).toEqual(['5', '', '', '']);
  });

  it('undoes the cells on screen, the others as their pages render, and leaves cells the teacher typed', async () => {
    const rows = klass();
    const pages = pagesOf(rows);
    const grid = pagedGrid(rows);
    let paged = startPagedFill<FakeCell>('book', classSource(), true);
    for (const page of pages) paged = (await render(paged, grid, page)).next;
    // The teacher retypes a filled cell on the last page: it is theirs now.
    const typed = rows[44]!.cells[3]!;
    typed.value = '4';
    paged = withoutCells(paged, new Set([typed.id]));

    const holds = ({ cell, after }: FillEntry<FakeCell>) => sameValue(check, 'tx', cell.read(), after);
    const undoOn = async (page: PlanRow<FakeCell>[]) => {
      grid.show(page);
      const undone = await undoFill(grid as never, { entries: toUndo(paged) as never }, holds as never);
      paged = settleUndo(paged, undone as unknown as UndoResult<FakeCell>);
    };
    await undoOn(pages[2]!);
    expect(paged.waiting).toEqual([]); // an undo ends the fill: nothing waits to be filled
    expect(paged.undo).toMatchObject({ restored: 5 * 4 - 1 - 1, changed: 0 });
    expect(paged.undo!.waiting).toHaveLength(173 - 19);
    expect(values(rows[3]!)).toEqual(['8', '7', '6.5', '9']); // page 1: not yet
    await undoOn(pages[0]!);
    await undoOn(pages[1]!);
    expect(paged.undo).toMatchObject({ restored: 172, changed: 0, waiting: [] });
    for (const [i, row] of rows.entries()) expect(values(row)).toEqual(['5', '', '', i === 44 ? '4' : '']);
    expect(toUndo(paged)).toEqual([]);
  });
});
