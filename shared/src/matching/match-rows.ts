import {
  codeKey,
  deaccentNameKey,
  exactKey,
  fuzzyNameScore,
  hasMarks,
  looselySameName,
  toneNameKey,
  wholeNameDistance,
} from './keys';

// Which student of the page each row of a file (or pasted block) is. A wrong score in a student's
// record is worse than no help, so the policy below is the one place that decides it, for every
// filler (bulk fill of scores, pasted blocks, records):
//
// 1. A student code in the file is decisive. A code of the book matches that student; if the file
//    also gives a name that is not the same person's name (or a birth date that differs), the match
//    is doubtful. A code that is not in the book is "không có trong lớp": never matched by name.
// 2. Without a code, a row matches only the same person's full name: exactly, with old/new tone
//    placement, without accents (only when the file wrote none), or a close spelling of the whole
//    name — family, middle and given names all present, the given name the same, at most one typo
//    per word and two in all. Sharing a given name or a family name is never enough. When the file
//    and the page both give a birth date, they must agree.
// 3. A match by close spelling, by elimination, with accents that differ, or with a name or birth
//    date that differs from the code's student is doubtful: shown, never filled unless the teacher
//    ticks it.
// 4. Two students that fit a row equally well make it ambiguous, and two rows for one student make
//    both duplicates: nothing is filled for them, and those students are "chưa chắc chắn" — unsure,
//    not missing from the file.

/** How a row of the file found its student, strongest first. */
export type MatchMethod = 'code' | 'exact' | 'tone' | 'deaccent' | 'fuzzy';

/** Why a match is doubtful (never filled unless the teacher ticks it). */
export type MatchDoubt =
  /** Matched by code; the file's name is not that student's. */
  | 'name-differs'
  /** The file's and the page's birth dates differ. */
  | 'birth-date-differs'
  /** Other students have the same name but were taken by surer matches. */
  | 'by-elimination'
  /** The whole name is spelled a little differently (a typo). */
  | 'close-spelling'
  /** The same letters with other accents (Hải / Hài). */
  | 'accents-differ';

/** A row of the file (or the pasted block): its code, name and birth date when it has them. */
export interface MatchSource {
  code?: string;
  name: string;
  /** dd/mm/yyyy as written; compared as a day. */
  birthDate?: string;
}

/** A student of the book: code and name as the portal shows them, birth date when it does. */
export interface MatchTarget {
  code: string;
  name: string;
  birthDate?: string;
}

export type RowMatch =
  | {
      status: 'matched';
      /** Index into the sources. */
      source: number;
      /** Index into the targets. */
      target: number;
      method: MatchMethod;
      /** 0..1, for showing: code 1 > exact > tone > de-accented > close spelling; lower with doubts. */
      confidence: number;
      /** Empty: a sure match, filled. Otherwise shown and left unticked. */
      doubts: MatchDoubt[];
    }
  | {
      /** Two or more students fit equally well: nothing is filled for this row. */
      status: 'ambiguous';
      source: number;
      method: MatchMethod;
      candidates: number[];
    }
  | {
      /** Another row of the file is (or might be) this student too: nothing is filled for this row. */
      status: 'duplicate';
      source: number;
      method: MatchMethod;
      candidates: number[];
    }
  | {
      /** The file gives a code no student of the book has: never matched by name. */
      status: 'not-in-class';
      source: number;
      /** The student of the book with the same full name, if any (shown, never filled). */
      sameName?: number;
    }
  | {
      /** No student of the book has this full name. */
      status: 'unknown';
      source: number;
      /** The closest name of the book, when it is somewhat alike (for the report only). */
      nearest?: { target: number; similarity: number };
    };

export interface MatchResult {
  /** One per source, in source order. */
  rows: RowMatch[];
  /** Targets no row matched (sure or doubtful), and not in doubt between rows, in target order. */
  unmatchedTargets: number[];
  /** Targets some ambiguous or duplicate row might be: neither matched nor missing. */
  unsureTargets: number[];
}

const confidenceOf: Record<MatchMethod, number> = {
  code: 1,
  exact: 0.99,
  tone: 0.97,
  deaccent: 0.9,
  fuzzy: 0.8,
};
const DOUBTFUL = 0.7;
const nearestShown = 0.5;

/** dd/mm/yyyy (or d/m/yyyy, with - or .) → a comparable day; undefined when not a date. */
function dayKey(text: string | undefined): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text ?? '');
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : undefined;
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === '') continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The name tier at which two names are the same person's, or undefined. */
function sameNameTier(source: NameKeys, target: NameKeys): MatchMethod | undefined {
  if (source.deaccent === '' || source.given !== target.given) return undefined;
  if (source.exact === target.exact) return 'exact';
  if (source.tone === target.tone) return 'tone';
  if (source.deaccent === target.deaccent) return 'deaccent';
  return wholeNameDistance(source.raw, target.raw) !== undefined ? 'fuzzy' : undefined;
}

/** A name's keys, computed once per name (a class is compared with every row of the file). */
interface NameKeys {
  raw: string;
  exact: string;
  tone: string;
  deaccent: string;
  /** The given name (last word, without accents): names that differ in it never match. */
  given: string;
}

function nameKeys(name: string): NameKeys {
  const deaccent = deaccentNameKey(name);
  return {
    raw: name,
    exact: exactKey(name),
    tone: toneNameKey(name),
    deaccent,
    given: deaccent.split(' ').at(-1) ?? '',
  };
}

/** Doubts a name-tier match carries by itself. */
function tierDoubts(method: MatchMethod, sourceName: string): MatchDoubt[] {
  if (method === 'fuzzy') return ['close-spelling'];
  // Without accents in the file, "Nguyen Van Hai" is how anyone writes Hải; with accents that
  // differ from the page's, it may be another person (Hài).
  if (method === 'deaccent' && hasMarks(sourceName)) return ['accents-differ'];
  return [];
}

function matched(source: number, target: number, method: MatchMethod, doubts: MatchDoubt[]): RowMatch {
  const confidence = confidenceOf[method] * (doubts.length > 0 ? DOUBTFUL : 1);
  return {
    status: 'matched',
    source,
    target,
    method,
    confidence: Math.round(confidence * 1000) / 1000,
    doubts,
  };
}

/** Matches the rows of a file to the students of a book, one to one, by the policy above. */
export function matchRows(sources: readonly MatchSource[], targets: readonly MatchTarget[]): MatchResult {
  const decided = new Map<number, RowMatch>();
  const taken = new Set<number>();
  const targetIndices = targets.map((_, i) => i);
  const open = () => sources.map((_, i) => i).filter((i) => !decided.has(i));
  const codeOf = (i: number) => codeKey(sources[i]?.code ?? '');
  const sourceNames = sources.map((row) => nameKeys(row.name));
  const targetNames = targets.map((row) => nameKeys(row.name));
  const birthDiffers = (source: number, target: number) => {
    const mine = dayKey(sources[source]!.birthDate);
    const theirs = dayKey(targets[target]!.birthDate);
    return mine !== undefined && theirs !== undefined && mine !== theirs;
  };

  const rank = (method: MatchMethod | undefined) =>
    method === undefined ? Infinity : ['exact', 'tone', 'deaccent', 'fuzzy'].indexOf(method);
  /**
   * With a code, the file's name is a doubt when it names another student of the book better than
   * the code's (codes swapped between two rows), or is far from the code's student's name — every
   * word more than a typo apart (a stranger who shares only a given name). A name garbled a little
   * (a legacy encoding half repaired, a typo in the given name) with no one else behind it is not.
   */
  const nameDoubted = (source: number, target: number): boolean => {
    const mine = sourceNames[source]!;
    if (mine.deaccent === '') return false;
    const own = rank(sameNameTier(mine, targetNames[target]!));
    const other = Math.min(
      ...targetIndices.filter((t) => t !== target).map((t) => rank(sameNameTier(mine, targetNames[t]!))),
    );
    if (other < own) return true;
    return own === Infinity && !looselySameName(mine.raw, targetNames[target]!.raw);
  };

  // 1. Student code: decisive.
  const targetsByCode = groupBy(targetIndices, (t) => codeKey(targets[t]!.code));
  for (const [key, group] of groupBy(open(), codeOf)) {
    const found = targetsByCode.get(key);
    if (!found) {
      for (const source of group) {
        const same = targetIndices.filter(
          (t) => sameNameTier(sourceNames[source]!, targetNames[t]!) === 'exact',
        );
        decided.set(source, {
          status: 'not-in-class',
          source,
          ...(same.length === 1 ? { sameName: same[0]! } : {}),
        });
      }
      continue;
    }
    if (found.length > 1 || group.length > 1) {
      const status = found.length > 1 ? 'ambiguous' : 'duplicate';
      for (const source of group) decided.set(source, { status, source, method: 'code', candidates: found });
      continue;
    }
    const source = group[0]!;
    const target = found[0]!;
    const doubts: MatchDoubt[] = [];
    if (nameDoubted(source, target)) doubts.push('name-differs');
    if (birthDiffers(source, target)) doubts.push('birth-date-differs');
    decided.set(source, matched(source, target, 'code', doubts));
    taken.add(target);
  }

  // 2. Without a code: the same full name, tier by tier, among students with no other birth date.
  const candidatesOf = new Map<number, { target: number; method: MatchMethod }[]>();
  for (const source of open()) {
    if (sourceNames[source]!.deaccent === '') continue;
    const fits: { target: number; method: MatchMethod }[] = [];
    for (const target of targetIndices) {
      const method = sameNameTier(sourceNames[source]!, targetNames[target]!);
      if (method && !birthDiffers(source, target)) fits.push({ target, method });
    }
    candidatesOf.set(source, fits);
  }
  for (const tier of ['exact', 'tone', 'deaccent', 'fuzzy'] as const) {
    // Sources whose best fit is at this tier, with the students that fit them that well.
    const wanting = new Map<number, number[]>();
    for (const source of open()) {
      const fits = candidatesOf.get(source) ?? [];
      if (fits.length === 0) continue;
      const best = Math.min(...fits.map((fit) => rank(fit.method)));
      if (best !== rank(tier)) continue;
      wanting.set(
        source,
        fits.filter((fit) => fit.method === tier).map((fit) => fit.target),
      );
    }
    const wantedBy = new Map<number, number[]>();
    for (const [source, targetsOf] of wanting)
      for (const target of targetsOf) wantedBy.set(target, [...(wantedBy.get(target) ?? []), source]);
    for (const [source, all] of wanting) {
      const free = all.filter((t) => !taken.has(t));
      if (free.length === 0) {
        decided.set(source, { status: 'duplicate', source, method: tier, candidates: all });
        continue;
      }
      if (free.length > 1) {
        decided.set(source, { status: 'ambiguous', source, method: tier, candidates: free });
        continue;
      }
      const target = free[0]!;
      const rivals = wantedBy.get(target)!.filter((s) => s !== source);
      if (rivals.length > 0) {
        decided.set(source, { status: 'duplicate', source, method: tier, candidates: [target] });
        continue;
      }
      const doubts = tierDoubts(tier, sources[source]!.name);
      if (all.length > 1) doubts.push('by-elimination');
      decided.set(source, matched(source, target, tier, doubts));
      taken.add(target);
    }
  }

  // 3. The rest is unknown; the nearest name of the book, for the report only.
  for (const source of open()) {
    let nearest: { target: number; similarity: number } | undefined;
    const name = sources[source]!.name;
    if (name.trim() !== '') {
      for (const target of targetIndices) {
        const score = fuzzyNameScore(name, targets[target]!.name);
        if (score >= nearestShown && score > (nearest?.similarity ?? 0))
          nearest = { target, similarity: Math.round(score * 1000) / 1000 };
      }
    }
    decided.set(source, { status: 'unknown', source, ...(nearest ? { nearest } : {}) });
  }

  const rows = sources.map((_, i) => decided.get(i)!);
  const unsure = new Set<number>();
  for (const row of rows)
    if (row.status === 'ambiguous' || row.status === 'duplicate')
      for (const target of row.candidates) if (!taken.has(target)) unsure.add(target);
  return {
    rows,
    unmatchedTargets: targetIndices.filter((t) => !taken.has(t) && !unsure.has(t)),
    unsureTargets: [...unsure].sort((a, b) => a - b),
  };
}
