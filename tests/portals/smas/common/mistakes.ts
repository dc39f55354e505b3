import { fields } from '@edulens/shared/rules';
import { encodeTcvn3 } from '@edulens/shared/text';
import type { Rng } from '../../vnedu/prng';
import type { RecordField, StudentRecord } from './record-fields';

// The realistic mistakes seeded into student records, each applied to a correct record and
// recorded with the value the record should hold, so tests can compare against the truth.

export const MISTAKE_KINDS = [
  'cccd-gender',
  'phone-11-digits',
  'name-nfd',
  'tcvn3',
  'blank-required',
] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

export interface Mistake {
  kind: MistakeKind;
  field: RecordField;
  /** What the portal stores. */
  stored: string;
  /** What it should be. */
  correct: string;
}

/** The fields each kind may hit. */
const TARGETS: Readonly<Record<MistakeKind, readonly RecordField[]>> = {
  'cccd-gender': ['citizenId'],
  'phone-11-digits': ['phone', 'parentPhone'],
  'name-nfd': ['fullName'],
  tcvn3: ['address', 'fatherName', 'motherName'],
  'blank-required': ['citizenId', 'ethnicity', 'birthDate'],
};

/** The old prefix of each current one that came from the 2018 conversion. */
const OLD_PREFIX_OF = new Map(
  Object.entries(fields.OLD_MOBILE_PREFIXES).map(([old, current]) => [current, old]),
);

/** The wrong value a kind gives the field, or undefined when it cannot make this field wrong. */
function wrongValue(kind: MistakeKind, field: RecordField, record: StudentRecord): string | undefined {
  const value = record[field];
  switch (kind) {
    case 'cccd-gender': {
      if (!/^\d{12}$/.test(value)) return undefined;
      // The 4th digit's parity is the gender (odd = female): flip it within the same century.
      const digit = Number(value[3]);
      const flipped = digit % 2 === 0 ? digit + 1 : digit - 1;
      return value.slice(0, 3) + String(flipped) + value.slice(4);
    }
    case 'phone-11-digits': {
      const old = OLD_PREFIX_OF.get(value.slice(0, 3));
      return old === undefined ? undefined : old + value.slice(3);
    }
    case 'name-nfd': {
      const nfd = value.normalize('NFD');
      return nfd === value ? undefined : nfd;
    }
    case 'tcvn3': {
      const legacy = encodeTcvn3(value);
      return legacy === value ? undefined : legacy;
    }
    case 'blank-required':
      return value === '' ? undefined : '';
  }
}

/**
 * Makes `record` carry a mistake of `kind` (in place) on one of the kind's fields, the first that
 * can take it from a seeded start; undefined when no field can (e.g. no convertible phone).
 */
export function applyMistake(
  record: StudentRecord,
  kind: MistakeKind,
  rng: Rng,
  field?: RecordField,
): Mistake | undefined {
  const targets = field ? [field] : TARGETS[kind];
  const start = rng.int(0, targets.length - 1);
  for (let i = 0; i < targets.length; i++) {
    const target = targets[(start + i) % targets.length]!;
    const stored = wrongValue(kind, target, record);
    if (stored === undefined) continue;
    const mistake: Mistake = { kind, field: target, stored, correct: record[target] };
    record[target] = stored;
    return mistake;
  }
  return undefined;
}

/** Current prefixes that an old 11-digit number converts to, so a seeded phone can be made old. */
export const CONVERTIBLE_PREFIXES: readonly string[] = [...OLD_PREFIX_OF.keys()];
