import { createRng, type Rng, seedFrom } from './prng';
import type { Roster } from './roster';
import { ScoreStore } from './score-store';
import { entryColumns, formatTenths } from './scoring';
import { subjects } from './subjects';

// Scores already saved when the simulator starts (mid semester I): some books complete, most
// part-way (no end-of-term yet), a few untouched; semester II is empty.

type Progress = 'full' | 'partial' | 'empty';

function randomScore(rng: Rng, ability: number): string {
  const raw = Math.min(100, Math.max(0, ability + rng.int(-15, 15)));
  const roll = rng.next();
  const value = roll < 0.6 ? Math.round(raw / 10) * 10 : roll < 0.85 ? Math.round(raw / 5) * 5 : raw;
  return value % 10 === 0 ? String(value / 10) : formatTenths(value);
}

function isEntered(rng: Rng, progress: Progress, key: string, last: boolean): boolean {
  if (progress === 'full') return rng.chance(0.97);
  if (progress === 'empty' || key === 'ck') return false;
  if (key === 'gk') return rng.chance(0.7);
  return rng.chance(last ? 0.4 : 0.9);
}

export function seedScores(roster: Roster, seed: number): ScoreStore {
  const store = new ScoreStore();
  for (const { school, schoolClass, students } of roster.classes) {
    for (const subject of subjects) {
      const rng = createRng(seedFrom(seed, school.code, schoolClass.name, subject.code));
      const progress = rng.pick<Progress>(['full', 'full', 'partial', 'partial', 'partial', 'empty']);
      const columns = entryColumns(subject, schoolClass.grade);
      const lastRegular = columns.filter((column) => column.key.startsWith('tx')).at(-1)?.key;
      const ref = {
        schoolCode: school.code,
        className: schoolClass.name,
        subjectCode: subject.code,
        term: 1 as const,
      };
      for (const student of students) {
        const ability = createRng(seedFrom(seed, student.code)).int(45, 92);
        for (const { key } of columns) {
          if (!isEntered(rng, progress, key, key === lastRegular)) continue;
          const value = subject.comment ? (rng.chance(0.98) ? 'Đ' : 'CĐ') : randomScore(rng, ability);
          store.set(ref, student.code, key, value);
        }
      }
    }
  }
  return store;
}
