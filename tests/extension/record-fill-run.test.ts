import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RecordField, fillFields } from '../../extension/features/record-bulk-fill/fields';
import type { ListStudent, PlannedRecord } from '../../extension/features/record-bulk-fill/plan';
import { progressText, timeLeftMs } from '../../extension/features/record-bulk-fill/progress';
import {
  fillRecords,
  type OpenForm,
  type RecordSite,
  type SaveAnswer,
  stopMessage,
} from '../../extension/features/record-bulk-fill/run';

// The record-by-record fill loop against a model of a portal that misbehaves in generated ways:
// forms that open on another student, locked forms, refusals, saves that store something else,
// forms without a field, a cancel at any step. The invariants of run.ts hold whatever it does.

type Stored = Record<string, Partial<Record<RecordField, string>>>;

interface Hostility {
  /** Per record index: what the site does when that record is opened / saved. */
  wrongStudent: Set<number>;
  locked: Set<number>;
  refused: Set<number>;
  /** The portal stores something else than what was written. */
  mangles: Set<number>;
  missingField: Map<number, RecordField>;
  /** The form does not take this field's value (a combo without the item). */
  untakable: Map<number, RecordField>;
  /** Cancel after this many writes in all (undefined: never). */
  cancelAfterWrites?: number;
}

interface Log {
  opened: string[];
  writes: { key: string; field: RecordField; value: string; locked: boolean }[];
  saves: string[];
}

/** A portal in memory: what it stores, and a log of what the fill did to it. */
function modelSite(
  students: ListStudent[],
  stored: Stored,
  hostile: Hostility,
  log: Log,
  abort: AbortController,
): RecordSite {
  const indexOf = new Map(students.map((student, i) => [student.key, i]));
  return {
    async open(student) {
      const i = indexOf.get(student.key)!;
      const shown = students[hostile.wrongStudent.has(i) ? (i + 1) % students.length : i]!;
      const shownKey = shown.key;
      log.opened.push(shownKey);
      const locked = hostile.locked.has(i);
      const draft: Partial<Record<RecordField, string>> = { ...stored[shownKey] };
      const form: OpenForm = {
        studentCode: shown.code,
        locked,
        read(field) {
          if (hostile.missingField.get(i) === field) return undefined;
          return draft[field] ?? '';
        },
        async write(field, value) {
          log.writes.push({ key: shownKey, field, value, locked });
          if (hostile.cancelAfterWrites !== undefined && log.writes.length >= hostile.cancelAfterWrites)
            abort.abort();
          if (hostile.untakable.get(i) === field) return false;
          draft[field] = value;
          return true;
        },
        async save(): Promise<SaveAnswer> {
          log.saves.push(shownKey);
          if (hostile.refused.has(i)) return { ok: false, message: 'Số CCCD không hợp lệ.' };
          const kept = { ...draft };
          if (hostile.mangles.has(i)) for (const field of Object.keys(kept)) kept[field as RecordField] = 'x';
          stored[shownKey] = kept;
          Object.assign(draft, kept);
          return { ok: true, message: 'Thầy/cô đã cập nhật hồ sơ học sinh thành công.' };
        },
        async close() {},
      };
      return form;
    },
  };
}

const fieldArb = fc.constantFrom(...fillFields);
const valueArb = fc.oneof(
  fc.constantFrom('Nam', 'Nữ', 'Kinh', '086212000123', ''),
  fc.string({ maxLength: 12 }),
);

const scenario = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    before: fc.array(fc.dictionary(fieldArb, valueArb, { maxKeys: 4 }), { minLength: n, maxLength: n }),
    changes: fc.array(
      fc.uniqueArray(fc.record({ field: fieldArb, after: valueArb.filter((v) => v !== '') }), {
        selector: (change) => change.field,
        minLength: 1,
        maxLength: 4,
      }),
      { minLength: n, maxLength: n },
    ),
    wrongStudent: fc.uniqueArray(fc.nat(n - 1), { maxLength: 2 }),
    locked: fc.uniqueArray(fc.nat(n - 1), { maxLength: 2 }),
    refused: fc.uniqueArray(fc.nat(n - 1), { maxLength: 2 }),
    mangles: fc.uniqueArray(fc.nat(n - 1), { maxLength: 1 }),
    missing: fc.array(fc.tuple(fc.nat(n - 1), fieldArb), { maxLength: 2 }),
    untakable: fc.array(fc.tuple(fc.nat(n - 1), fieldArb), { maxLength: 1 }),
    cancelAfterWrites: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    from: fc.nat(n - 1),
  }),
);

describe('record fill run', () => {
  it('holds its invariants against generated hostile portals', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const students: ListStudent[] = Array.from({ length: s.n }, (_, i) => ({
          key: `k${i}`,
          code: `HS${i}`,
          name: `Học Sinh ${i}`,
          birthDate: '',
          shown: {},
        }));
        const stored: Stored = Object.fromEntries(
          students.map((student, i) => [student.key, { ...s.before[i] }]),
        );
        const initial = structuredClone(stored);
        const records: PlannedRecord[] = students.map((student, i) => ({
          row: i,
          student,
          changes: s.changes[i]!,
        }));
        const hostile: Hostility = {
          wrongStudent: new Set(s.wrongStudent),
          locked: new Set(s.locked),
          refused: new Set(s.refused),
          mangles: new Set(s.mangles),
          missingField: new Map(s.missing),
          untakable: new Map(s.untakable),
          ...(s.cancelAfterWrites !== undefined && { cancelAfterWrites: s.cancelAfterWrites }),
        };
        const log: Log = { opened: [], writes: [], saves: [] };
        const abort = new AbortController();
        const outcome = await fillRecords(records, modelSite(students, stored, hostile, log, abort), {
          from: s.from,
          signal: abort.signal,
        });

        const planned = (key: string) => records.find((record) => record.student.key === key)!;
        for (const write of log.writes) {
          // 1. never another student: every write is to a record the fill meant to open.
          const record = records.findIndex((r) => r.student.key === write.key);
          expect(hostile.wrongStudent.has(record) && s.n > 1).toBe(false);
          // 2. only planned fields, with the file's value.
          expect(planned(write.key).changes).toContainEqual({ field: write.field, after: write.value });
          // 3. never a locked form.
          expect(write.locked).toBe(false);
        }
        // 4. stops at the first refusal or doubt: nothing opened after it.
        const opened = log.opened.length;
        if (outcome.stop) {
          const upTo = outcome.stop.index - s.from;
          // A cancel seen before the record was opened leaves it unopened.
          expect(opened === upTo + 1 || (outcome.stop.kind === 'cancelled' && opened === upTo)).toBe(true);
          expect(outcome.stop.index).toBeGreaterThanOrEqual(s.from);
          const message = stopMessage(outcome.stop);
          expect(message.vi).toContain(outcome.stop.student.name);
          expect(message.en).toContain(outcome.stop.student.name);
          if (outcome.stop.kind === 'refused') expect(message.vi).toContain('Số CCCD không hợp lệ.');
        } else {
          expect(opened).toBe(s.n - s.from);
          expect(outcome.done.length + outcome.unchanged).toBe(s.n - s.from);
        }
        // The records before `from` and after the stop are as they were.
        const end = outcome.stop ? outcome.stop.index : s.n;
        students.forEach((student, i) => {
          if (i < s.from || i > end) expect(stored[student.key]).toEqual(initial[student.key]);
        });
        // 5. nothing half-written: the stopped record is either untouched or saved (not-verified).
        if (outcome.stop) {
          const key = outcome.stop.student.key;
          if (outcome.stop.saved) expect(outcome.stop.kind).toBe('not-verified');
          else expect(stored[key]).toEqual(initial[key]);
        }
        // Every record reported done holds the file's values.
        for (const done of outcome.done)
          for (const { field, after } of done.written) expect(stored[done.student.key]![field]).toBe(after);
        expect(outcome.timing.portalMs).toBeLessThanOrEqual(outcome.timing.totalMs);
      }),
      { numRuns: 400 },
    );
  });

  it('resumes from the refused record once the portal takes it', async () => {
    const students: ListStudent[] = ['a', 'b', 'c'].map((key) => ({
      key,
      code: key,
      name: key,
      birthDate: '',
      shown: {},
    }));
    const stored: Stored = { a: {}, b: {}, c: {} };
    const records = students.map((student) => ({
      row: 0,
      student,
      changes: [{ field: 'address' as const, after: 'Ấp 1' }],
    }));
    const hostile: Hostility = {
      wrongStudent: new Set(),
      locked: new Set(),
      refused: new Set([1]),
      mangles: new Set(),
      missingField: new Map(),
      untakable: new Map(),
    };
    const log: Log = { opened: [], writes: [], saves: [] };
    const abort = new AbortController();
    const site = modelSite(students, stored, hostile, log, abort);
    const first = await fillRecords(records, site, { signal: abort.signal });
    expect(first.stop?.kind).toBe('refused');
    expect(first.stop?.index).toBe(1);
    expect(stored.b).toEqual({});
    hostile.refused.clear();
    const second = await fillRecords(records, site, { signal: abort.signal, from: first.stop!.index });
    expect(second.stop).toBeUndefined();
    expect(stored).toEqual({ a: { address: 'Ấp 1' }, b: { address: 'Ấp 1' }, c: { address: 'Ấp 1' } });
    expect(log.opened).toEqual(['a', 'b', 'b', 'c']);
  });

  it('estimates the time left from the records done', () => {
    expect(timeLeftMs(0, 60, 1000)).toBeUndefined();
    expect(timeLeftMs(20, 60, 40_000)).toBe(80_000);
    expect(progressText(20, 60, 40_000)).toEqual({
      vi: '20/60 hồ sơ — còn khoảng 1 phút 20 giây',
      en: '20/60 records — about 1 min 20 s left',
    });
    expect(progressText(60, 60, 1000).vi).toBe('60/60 hồ sơ');
  });
});
