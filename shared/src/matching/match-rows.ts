import { nameSimilarity } from '../text/index';
import { codeKey, deaccentNameKey, exactKey, fuzzyNameScore, toneNameKey } from './keys';

/** How a row of the file found its row on the page, strongest first. */
export type MatchMethod = 'code' | 'exact' | 'tone' | 'deaccent' | 'fuzzy';

/** A row of the file (or the pasted block): its student code when it has one, and the name. */
export interface MatchSource {
  code?: string;
  name: string;
}

/** A row of the page: the student's code and name as the portal shows them. */
export interface MatchTarget {
  code: string;
  name: string;
}

export type RowMatch =
  | {
      status: 'matched';
      /** Index into the sources. */
      source: number;
      /** Index into the targets. */
      target: number;
      method: MatchMethod;
      /** 0..1; code 1 > exact name > tone-normalised > de-accented > fuzzy. */
      confidence: number;
      /** Fuzzy only: fuzzyNameScore of the two names. */
      similarity?: number;
      /** Matched by code but the names are far apart: show it, the teacher decides. */
      nameDiffers?: boolean;
      /** Matched by name while the file gives another code than the page. */
      codeDiffers?: boolean;
      /** Other students share the key but were already taken by stronger matches. */
      byElimination?: boolean;
    }
  | {
      /** Two or more students fit equally well: nothing is filled for this row. */
      status: 'ambiguous';
      source: number;
      method: MatchMethod;
      candidates: number[];
    }
  | {
      /** Another row of the file already took this student: nothing is filled for this row. */
      status: 'duplicate';
      source: number;
      method: MatchMethod;
      /** The student(s) it would have matched, each taken by another row. */
      candidates: number[];
    }
  | {
      /** No student on the page fits. */
      status: 'unknown';
      source: number;
      /** The closest name on the page, when it is at least somewhat alike (for the report). */
      nearest?: { target: number; similarity: number };
    };

export interface MatchOptions {
  /** Least fuzzyNameScore a fuzzy match needs. */
  minSimilarity?: number;
  /** A fuzzy match must beat the runner-up by more than this, else it is ambiguous. */
  margin?: number;
}

export interface MatchResult {
  /** One per source, in source order. */
  rows: RowMatch[];
  /** Targets no source matched, in target order. */
  unmatchedTargets: number[];
}

const tierConfidence = { code: 1, exact: 0.99, tone: 0.97, deaccent: 0.9, fuzzy: 0.85 } as const;
/** Multipliers for the doubts a match carries. */
const doubt = { elimination: 0.85, codeDiffers: 0.8, nameDiffers: 0.9 } as const;
const defaults = { minSimilarity: 0.8, margin: 0.03 };
/** A code match whose names are less alike than this is flagged. */
const nameAgreement = 0.6;
const nearestShown = 0.5;

const nameTiers: ReadonlyArray<readonly [MatchMethod, (name: string) => string]> = [
  ['exact', exactKey],
  ['tone', toneNameKey],
  ['deaccent', deaccentNameKey],
];

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
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

/**
 * Matches the rows of a file to the rows of a page, one to one: by student code first, then by
 * name — exact, tone-normalised, de-accented, fuzzy — each tier only among what the stronger ones
 * left. Two students that fit a row equally well make it ambiguous, and two rows of the file for
 * one student make both duplicates: those rows are reported, never guessed.
 */
export function matchRows(
  sources: readonly MatchSource[],
  targets: readonly MatchTarget[],
  options: MatchOptions = {},
): MatchResult {
  const { minSimilarity, margin } = { ...defaults, ...options };
  const decided = new Map<number, RowMatch>();
  const taken = new Set<number>();
  const targetIndices = targets.map((_, i) => i);
  const open = () => sources.map((_, i) => i).filter((i) => !decided.has(i));
  const codeOf = (i: number) => codeKey(sources[i]?.code ?? '');

  // 1. Student code.
  const targetsByCode = groupBy(targetIndices, (t) => codeKey(targets[t]!.code));
  const sourcesByCode = groupBy(open(), codeOf);
  for (const [key, group] of sourcesByCode) {
    const found = targetsByCode.get(key);
    if (!found) continue;
    if (found.length > 1 || group.length > 1) {
      const status = found.length > 1 ? 'ambiguous' : 'duplicate';
      for (const source of group) decided.set(source, { status, source, method: 'code', candidates: found });
      continue;
    }
    const source = group[0]!;
    const target = found[0]!;
    const similarity = nameSimilarity(sources[source]!.name, targets[target]!.name);
    const nameDiffers = sources[source]!.name.trim() !== '' && similarity < nameAgreement;
    decided.set(source, {
      status: 'matched',
      source,
      target,
      method: 'code',
      confidence: nameDiffers ? doubt.nameDiffers : tierConfidence.code,
      ...(nameDiffers ? { nameDiffers } : {}),
    });
    taken.add(target);
  }

  const codeDiffers = (source: number, target: number) => {
    const mine = codeOf(source);
    const theirs = codeKey(targets[target]!.code);
    return mine !== '' && theirs !== '' && mine !== theirs;
  };

  // 2. Names, tier by tier.
  for (const [method, key] of nameTiers) {
    const targetsByKey = groupBy(targetIndices, (t) => key(targets[t]!.name));
    const sourcesByKey = groupBy(open(), (s) => key(sources[s]!.name));
    for (const [k, group] of sourcesByKey) {
      const all = targetsByKey.get(k);
      if (!all) continue;
      const free = all.filter((t) => !taken.has(t));
      if (free.length === 0) {
        for (const source of group)
          decided.set(source, { status: 'duplicate', source, method, candidates: all });
        continue;
      }
      if (free.length > 1 || group.length > 1) {
        const status = free.length > 1 ? 'ambiguous' : 'duplicate';
        for (const source of group) decided.set(source, { status, source, method, candidates: free });
        continue;
      }
      const source = group[0]!;
      const target = free[0]!;
      const byElimination = all.length > 1;
      const differs = codeDiffers(source, target);
      let confidence: number = tierConfidence[method];
      if (byElimination) confidence *= doubt.elimination;
      if (differs) confidence *= doubt.codeDiffers;
      decided.set(source, {
        status: 'matched',
        source,
        target,
        method,
        confidence: round(confidence),
        ...(byElimination ? { byElimination } : {}),
        ...(differs ? { codeDiffers: differs } : {}),
      });
      taken.add(target);
    }
  }

  // 3. Fuzzy: the most alike pairs first; near ties on either side are ambiguous.
  const remaining = open();
  const freeTargets = targetIndices.filter((t) => !taken.has(t));
  const similarity = new Map<number, Map<number, number>>();
  const pairs: { source: number; target: number; score: number }[] = [];
  for (const source of remaining) {
    const scores = new Map<number, number>();
    similarity.set(source, scores);
    if (sources[source]!.name.trim() === '') continue;
    for (const target of freeTargets) {
      const score = fuzzyNameScore(sources[source]!.name, targets[target]!.name);
      scores.set(target, score);
      if (score >= minSimilarity) pairs.push({ source, target, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.source - b.source || a.target - b.target);
  for (const { source, target, score } of pairs) {
    if (decided.has(source) || taken.has(target)) continue;
    const rivals = freeTargets.filter(
      (t) => t !== target && !taken.has(t) && (similarity.get(source)?.get(t) ?? 0) >= score - margin,
    );
    if (rivals.length > 0) {
      decided.set(source, { status: 'ambiguous', source, method: 'fuzzy', candidates: [target, ...rivals] });
      continue;
    }
    const rowRivals = remaining.filter(
      (s) => s !== source && !decided.has(s) && (similarity.get(s)?.get(target) ?? 0) >= score - margin,
    );
    if (rowRivals.length > 0) {
      for (const s of [source, ...rowRivals]) {
        decided.set(s, { status: 'duplicate', source: s, method: 'fuzzy', candidates: [target] });
      }
      continue;
    }
    let confidence = tierConfidence.fuzzy * score;
    const differs = codeDiffers(source, target);
    if (differs) confidence *= doubt.codeDiffers;
    decided.set(source, {
      status: 'matched',
      source,
      target,
      method: 'fuzzy',
      confidence: round(confidence),
      similarity: round(score),
      ...(differs ? { codeDiffers: differs } : {}),
    });
    taken.add(target);
  }

  // 4. The rest is unknown; name the nearest student for the report.
  for (const source of open()) {
    let nearest: { target: number; similarity: number } | undefined;
    for (const [target, score] of similarity.get(source) ?? []) {
      if (score >= nearestShown && score > (nearest?.similarity ?? 0))
        nearest = { target, similarity: round(score) };
    }
    decided.set(source, { status: 'unknown', source, ...(nearest ? { nearest } : {}) });
  }

  return {
    rows: sources.map((_, i) => decided.get(i)!),
    unmatchedTargets: targetIndices.filter((t) => !taken.has(t)),
  };
}
