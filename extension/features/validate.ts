import { selectRulepack } from '@edulens/shared/profiles';
import {
  formatTenths,
  getRulepack,
  parseTenths,
  type RulepackId,
  rulepackForGrade,
} from '@edulens/shared/rules';
import { defineFeature, type FeatureContext } from '../lib/feature';
import { pick, t } from '../lib/i18n';
import { gradeOf, schoolYearStart } from '../lib/locks';
import type { PageProblem } from '@edulens/shared/page';
import { foldable } from '../lib/fold';
import { h } from '../lib/overlay';
import { recordPerf } from '../lib/perf';
import type { GridCell, GridRow, PortalGrid } from '../lib/portal/grid';

// Checks every entry cell as it is typed — scores, periodic tests, levels, comments, each by the
// page's rulepack for its kind — lists the problems with a jump to each cell, and recomputes each
// row's semester average beside the portal's own, marking the rows where the two disagree.

const MAX_LISTED = 200;

/** Cells the rulepack checks: every column that holds an entry, locked or not. */
const checked = (cell: GridCell) => cell.column.checks !== undefined && !cell.column.computed;

/** The rulepack of the page: by grade from the profile, refined by the school year's roll-out. */
export function chooseRulepack(ctx: Pick<FeatureContext, 'page' | 'grid'>): RulepackId {
  const context = ctx.grid.context();
  const selection = ctx.page.rulepack;
  if (typeof selection === 'string') return selection;
  const grade = gradeOf(context.grade, context.class);
  const year = schoolYearStart(context.schoolYear);
  // With the grade and school year known, they decide: how far the current primary and secondary
  // rules had rolled out, and which amendments held that year. Otherwise the profile does.
  if (grade !== undefined && year !== undefined) return rulepackForGrade(grade, year);
  return selectRulepack(selection, grade);
}

export const validate = defineFeature({
  id: 'validate',
  runsOn: ['grade-grid'],
  mount(ctx) {
    const { grid, overlay, signal } = ctx;
    const rulepack = getRulepack(chooseRulepack(ctx));
    const subject = grid.context().subject ?? '';
    /** The kinds of the book's checked columns: the rulepack counts the assessments it requires. */
    const bookColumns = grid.columns.flatMap((column) =>
      column.checks === undefined || column.computed ? [] : [column.checks],
    );
    const hasAverage = grid.columns.some((column) => column.kind === 'average');

    const problems = new Map<string, PageProblem>(); // by cell id
    /** Values of a file the rulepack refused, by cell id, until the cell is typed into. */
    const fileProblems = new Map<string, PageProblem>();
    let mismatches = 0;
    const mismatchRows = new Set<string>();
    /** Bumped whenever the problems or mismatches change; the panel re-renders when it moved. */
    let version = 0;
    let rendered = -1;

    const checkCell = (cell: GridCell, value: string): PageProblem | undefined => {
      if (!checked(cell) || value === '') return undefined;
      const maxLength = cell.column.checks === 'comment' ? cell.maxLength() : undefined;
      const result = rulepack.checkCell(value, cell.column.checks!, {
        subject,
        ...(maxLength !== undefined && { maxLength }),
      });
      const first = result.problems.find((p) => p.severity === 'error') ?? result.problems[0];
      if (!first) return undefined;
      return {
        field: cell.id,
        rowKey: cell.row.key,
        studentName: cell.row.name,
        column: cell.column.label,
        value,
        code: first.code,
        severity: first.severity,
        message: first.message,
      };
    };

    /** Checks one cell; `refresh` re-applies its mark (the portal may have redrawn the cell). */
    const applyCell = (cell: GridCell, value: string, refresh = false) => {
      const found = checkCell(cell, value);
      const before = problems.get(cell.id);
      if (found) {
        const same = before !== undefined && before.code === found.code && before.value === found.value;
        if (!same) {
          problems.set(cell.id, found);
          version++;
          if (before && before.severity !== found.severity)
            overlay.marks.clear(cell.element, before.severity);
        }
        if (!same || refresh) overlay.marks.set(cell.element, found.severity, pick(found.message));
      } else if (problems.delete(cell.id)) {
        version++;
        overlay.marks.clear(cell.element, 'error');
        overlay.marks.clear(cell.element, 'warning');
      }
    };

    const applyRowAverage = (row: GridRow, values?: Map<GridCell, string>) => {
      if (!hasAverage) return;
      const averageCell = row.cell('average');
      if (!averageCell) return;
      const computed = rulepack.rowAverage(
        row.cells.filter(checked).map((cell) => ({
          kind: cell.column.checks!,
          raw: () => values?.get(cell) ?? cell.read(),
        })),
        bookColumns,
      );
      const shown = averageCell.read();
      const portal = parseTenths(shown);
      const portalValue = portal !== null && !('error' in portal) ? portal.value : null;
      const badge = computed === null ? undefined : formatTenths(computed);
      if (badge === undefined) overlay.marks.clear(averageCell.element, 'info');
      else overlay.marks.set(averageCell.element, 'info', t('validate_computedAverage', badge), badge);
      if (computed !== null && portalValue !== null && computed !== portalValue) {
        overlay.marks.set(
          averageCell.element,
          'mismatch',
          t('validate_averageMismatch', [badge ?? '', shown]),
        );
        mismatchRows.add(row.key);
      } else {
        overlay.marks.clear(averageCell.element, 'mismatch');
        mismatchRows.delete(row.key);
      }
      if (mismatches !== mismatchRows.size) version++;
      mismatches = mismatchRows.size;
    };

    // ---- panel
    const section = overlay.section('validate', { order: 10 });
    const count = h('span', { class: 'count', 'data-testid': 'validate-count' });
    const mismatchLine = h('div', { class: 'mismatch muted', 'data-testid': 'validate-mismatches' });
    const list = h('ol', { class: 'problems', 'data-testid': 'validate-problems' });
    const body = h('div', { class: 'body' }, mismatchLine, list);
    const panel = h(
      'div',
      { class: 'panel validate-panel' },
      h('header', null, h('span', { class: 'grow' }, t('validate_panelTitle')), count),
      body,
    );
    foldable(panel);
    section.append(panel);
    overlay.style(`
.validate-panel .count{font-weight:600;color:#2e7d32}
.validate-panel.has-problems .count{color:#c62828}
.validate-panel ol{margin:0;padding-left:20px;max-height:40vh;overflow:auto}
.validate-panel li{margin:2px 0}
.validate-panel li.warning button{color:#8a5a00}
.validate-panel .mismatch:empty{display:none}
.validate-panel.is-clean .body{display:none}
`);

    // The list is drawn off the keystroke's path: at most once per task, after the edits of
    // that task (a timer rather than an animation frame, which a background tab never gets).
    let renderTimer: ReturnType<typeof setTimeout> | undefined;
    let items = new Map<string, { key: string; li: HTMLLIElement }>();
    const problemItem = (p: PageProblem) =>
      h(
        'li',
        { class: p.severity, 'data-field': p.field },
        h(
          'button',
          { class: 'link', title: t('validate_jump'), onclick: () => jump(grid, p.field) },
          t('validate_problemRow', [p.studentName || p.rowKey, p.column, pick(p.message)]),
        ),
      );
    const render = () => {
      renderTimer = undefined;
      if (rendered === version || signal.aborted) return;
      rendered = version;
      const start = performance.now();
      const listed = new Map(fileProblems);
      for (const [id, problem] of problems) listed.set(id, problem);
      const ordered = orderProblems(grid, listed);
      count.textContent =
        ordered.length === 0 ? t('validate_noProblems') : t('validate_problemCount', ordered.length);
      panel.classList.toggle('has-problems', ordered.length > 0);
      panel.classList.toggle('is-clean', ordered.length === 0 && mismatches === 0);
      mismatchLine.textContent = mismatches > 0 ? t('validate_mismatchCount', mismatches) : '';
      // Keyed by cell: unchanged problems keep their element, so a keystroke redraws one line.
      const shown = ordered.slice(0, MAX_LISTED);
      const next = new Map<string, { key: string; li: HTMLLIElement }>();
      for (const p of shown) {
        const key = `${p.code}|${p.value}|${p.severity}`;
        const old = items.get(p.field);
        next.set(p.field, old && old.key === key ? old : { key, li: problemItem(p) });
      }
      items = next;
      let cursor = list.firstElementChild;
      for (const p of shown) {
        const li = next.get(p.field)!.li;
        if (cursor === li) cursor = cursor.nextElementSibling;
        else list.insertBefore(li, cursor);
      }
      while (cursor) {
        const after = cursor.nextElementSibling;
        cursor.remove();
        cursor = after;
      }
      recordPerf('validate.render', performance.now() - start);
      ctx.report({ problems: ordered });
      ctx.bus.emit('validate.problems', { problems: ordered });
    };
    const publish = () => {
      if (rendered !== version && renderTimer === undefined) renderTimer = setTimeout(render, 0);
    };
    signal.addEventListener('abort', () => clearTimeout(renderTimer), { once: true });

    const fullPass = () => {
      // Problems of rows no longer in the page (another page, scrolled away) leave the list.
      for (const id of [...problems.keys()]) {
        if (!grid.cell(id) && problems.delete(id)) version++;
      }
      for (const row of grid.rows()) {
        for (const cell of row.cells) if (checked(cell)) applyCell(cell, cell.read(), true);
        applyRowAverage(row);
      }
      publish();
    };

    fullPass();
    render();
    grid.onEdit((edits) => {
      const start = performance.now();
      const rows = new Set<GridRow>();
      const values = new Map<GridCell, string>();
      for (const edit of edits) {
        if (fileProblems.delete(edit.cell.id)) {
          version++;
          overlay.marks.clear(edit.cell.element, 'skipped');
        }
        applyCell(edit.cell, edit.value);
        values.set(edit.cell, edit.value);
        rows.add(edit.cell.row);
      }
      for (const row of rows) applyRowAverage(row, values);
      publish();
      recordPerf(edits.length === 1 ? 'validate.keystroke' : 'validate.batch', performance.now() - start);
    }, signal);
    ctx.bus.on('validate.request', fullPass);
    ctx.bus.on('validate.fileProblems', ({ problems: refused }) => {
      fileProblems.clear();
      for (const problem of refused) fileProblems.set(problem.field, problem);
      version++;
      publish();
    });
    // Rows scrolled into view (virtual scrolling) are checked as they appear.
    grid.onRowsChanged(fullPass, signal);
  },
});

/** Problems in table order (row, then column). */
function orderProblems(grid: PortalGrid, problems: Map<string, PageProblem>): PageProblem[] {
  if (problems.size === 0) return [];
  const order = new Map<string, number>();
  let i = 0;
  for (const row of grid.rows()) for (const cell of row.cells) order.set(cell.id, i++);
  return [...problems.values()].sort((a, b) => (order.get(a.field) ?? 1e9) - (order.get(b.field) ?? 1e9));
}

function jump(grid: PortalGrid, field: string): void {
  grid.cell(field)?.focus();
}
