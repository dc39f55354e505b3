// Bundled by profile-walk.test.ts (esbuild) and run inside Chromium on a saved portal page: walks
// one profile's pages with the extension's own page reader (extension/lib/portal/grid) and
// returns what each selector and text of the profile found.
import type { Profile, ProfilePage } from '@edulens/shared/profiles';
import { matchesPattern } from '../../shared/src/profiles/match-pattern';
import { findGradeGrid } from '../../extension/lib/portal/grid';
import { detectorHolds, findTarget, pageScopes } from '../../extension/lib/portal/locate';

export interface GridFindings {
  columns: { kind: string; index: number; label: string; computed: boolean }[];
  rows: number;
  keys: string[];
  namesFilled: number;
  entryCells: number;
  lockedEntryCells: number;
  inputs: number;
  clickToEdit: number;
  namedCells: number;
  computedFilled: number;
  /** Entry cells whose saved value (value0) the page tells. */
  savedKnown: number;
  /** Entry cells whose last editor the page tells. */
  lastEdits: number;
  saveButton: string | null;
  nextPage: string | null;
  context: Record<string, string | undefined>;
}

export interface PageFindings {
  kind: ProfilePage['kind'];
  name: string | undefined;
  urlMatches: boolean;
  containerFound: boolean;
  holds: boolean;
  captcha?: boolean;
  grid?: GridFindings;
}

function walkGrid(page: Extract<ProfilePage, { kind: 'grade-grid' }>): GridFindings | undefined {
  const grid = findGradeGrid(page, document);
  if (!grid) return undefined;
  const rows = grid.rows();
  const cells = rows.flatMap((row) => row.cells);
  const entries = cells.filter((cell) => !cell.column.computed);
  const scope = pageScopes(page, document)?.[0]?.root ?? document;
  const next =
    page.grid.pagination?.kind === 'pages' ? findTarget(page.grid.pagination.next, scope) : undefined;
  return {
    columns: grid.columns.map(({ kind, index, label, computed }) => ({ kind, index, label, computed })),
    rows: rows.length,
    keys: rows.map((row) => row.key),
    namesFilled: rows.filter((row) => row.name !== '').length,
    entryCells: entries.length,
    lockedEntryCells: entries.filter((cell) => cell.locked).length,
    inputs: entries.filter((cell) => cell.element.querySelector(page.cell.input)).length,
    clickToEdit: page.cell.clickToEdit
      ? entries.filter((cell) => cell.element.querySelector(page.cell.clickToEdit!)).length
      : 0,
    namedCells: entries.filter((cell) => cell.name !== undefined).length,
    computedFilled: cells.filter((cell) => cell.column.computed && cell.read() !== '').length,
    savedKnown: entries.filter((cell) => cell.saved() !== undefined).length,
    lastEdits: entries.filter((cell) => cell.lastEdit() !== undefined).length,
    saveButton: grid.saveButton()?.textContent?.trim() ?? null,
    nextPage: next?.textContent?.trim() ?? null,
    context: { ...grid.context() },
  };
}

export function walkProfile(profile: Profile): PageFindings[] {
  return profile.pages.map((page) => {
    const urlMatches = page.when.url ? page.when.url.some((p) => matchesPattern(p, location.href)) : true;
    const scopes = pageScopes(page, document);
    const holds = urlMatches && !!scopes?.some((scope) => detectorHolds(page.when, scope.root));
    const findings: PageFindings = {
      kind: page.kind,
      name: page.name,
      urlMatches,
      containerFound: scopes !== undefined,
      holds,
    };
    if (page.kind === 'login' && page.captcha)
      findings.captcha = holds && !!scopes?.[0]?.root.querySelector(page.captcha);
    if (page.kind === 'grade-grid' && holds) findings.grid = walkGrid(page);
    return findings;
  });
}

/** Where focusing a cell left it: the focused element's cell id, and the row scroller's offset. */
export interface FocusFindings {
  focusedCell: string | undefined;
  scrollTop: number;
  /** The cell lies within the scroller's visible box. */
  inView: boolean;
}

/** Focuses a cell of the profile's first grade grid showing, as jump-to-cell does. */
export function focusCell(profile: Profile, id: string): FocusFindings | undefined {
  for (const page of profile.pages) {
    if (page.kind !== 'grade-grid') continue;
    const grid = findGradeGrid(page, document);
    const cell = grid?.cell(id);
    if (!grid || !cell) continue;
    cell.focus();
    const scroller = page.grid.body?.scroller ? cell.element.closest(page.grid.body.scroller) : null;
    const box = (scroller ?? document.documentElement).getBoundingClientRect();
    const at = cell.element.getBoundingClientRect();
    const active = document.activeElement;
    return {
      focusedCell: active ? grid.cellOf(active)?.id : undefined,
      scrollTop: scroller?.scrollTop ?? 0,
      inView: at.top >= box.top && at.bottom <= box.bottom,
    };
  }
  return undefined;
}

Object.assign(globalThis, { edulensWalk: walkProfile, edulensFocus: focusCell });
