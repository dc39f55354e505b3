import type { Message } from '@edulens/shared';
import { inputLimits } from '@edulens/shared/limits';
import type { SavedColumnMapping, SavedColumnMappings } from '../../lib/storage-keys';
import { type ColumnRole, isRecordField } from './fields';
import type { RecordColumn } from './record-sheet';

// Which column of the file fills which record field. The header texts decide first; a teacher's
// correction is kept per source — per the file's header signature, the same for every export of
// the same kind — and applied the next time such a file is picked.

/** Header cells that make a signature (a sheet wider than this is keyed by its first ones). */
const SIGNATURE_COLUMNS = 200;

/** Sheet column → its role in the fill (a column absent is not used). */
export type ColumnMapping = ReadonlyMap<number, ColumnRole>;

/** 32-bit FNV-1a of a text, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The file's kind, by its header: the keys of its header cells in order. */
export function headerSignature(columns: readonly RecordColumn[]): string {
  const keys = columns.slice(0, SIGNATURE_COLUMNS).map((column) => column.key);
  return `${keys.length}:${fnv1a(keys.join('|'))}`;
}

/** The mapping for a file: the header's guesses, with the corrections saved for its kind. */
export function mappingOf(
  columns: readonly RecordColumn[],
  saved: SavedColumnMapping | undefined,
): ColumnMapping {
  const mapping = new Map<number, ColumnRole>();
  for (const column of columns) {
    const corrected = saved?.roles[column.key];
    const role = corrected === undefined ? column.guess : toRole(corrected);
    if (role) mapping.set(column.col, role);
  }
  return dropRepeats(mapping);
}

function toRole(value: string): ColumnRole | null {
  return value === 'studentCode' || isRecordField(value) ? value : null;
}

/** A role given to two columns keeps the first: a field is never written from two places. */
function dropRepeats(mapping: Map<number, ColumnRole>): Map<number, ColumnRole> {
  const seen = new Set<ColumnRole>();
  for (const [col, role] of [...mapping].sort(([a], [b]) => a - b)) {
    if (seen.has(role)) mapping.delete(col);
    else seen.add(role);
  }
  return mapping;
}

/** The mapping with one column set to a role (or to none); another column holding it lets it go. */
export function withColumn(mapping: ColumnMapping, col: number, role: ColumnRole | null): ColumnMapping {
  const next = new Map(mapping);
  if (role) for (const [other, taken] of next) if (taken === role && other !== col) next.delete(other);
  if (role) next.set(col, role);
  else next.delete(col);
  return next;
}

/** What is kept for the file's kind: every column's role as the teacher left it ('' = not used). */
export function toSaved(
  columns: readonly RecordColumn[],
  mapping: ColumnMapping,
  now: number,
): SavedColumnMapping {
  const roles: Record<string, string> = {};
  for (const column of columns) roles[column.key] = mapping.get(column.col) ?? '';
  return { savedAt: now, roles };
}

/** The saved mappings with this one added, the oldest dropped beyond `inputLimits.savedMappings`. */
export function rememberMapping(
  all: SavedColumnMappings,
  signature: string,
  mapping: SavedColumnMapping,
): SavedColumnMappings {
  const entries = Object.entries({ ...all, [signature]: mapping })
    .sort(([, a], [, b]) => b.savedAt - a.savedAt)
    .slice(0, inputLimits.savedMappings);
  return Object.fromEntries(entries);
}

/** Why the mapping cannot fill anything, or undefined. */
export function mappingProblem(mapping: ColumnMapping): Message | undefined {
  const roles = new Set(mapping.values());
  if (!roles.has('fullName') && !roles.has('studentCode'))
    return {
      vi: 'cần một cột "Họ và tên" hoặc "Mã học sinh" để biết mỗi dòng là học sinh nào',
      en: 'a "Họ và tên" or "Mã học sinh" column is needed to tell which student each row is',
    };
  if (![...roles].some((role) => role !== 'studentCode' && role !== 'fullName' && role !== 'birthDate'))
    return {
      vi: 'chưa có cột nào để điền (giới tính, dân tộc, CCCD, điện thoại…)',
      en: 'no column to fill yet (gender, ethnicity, citizen ID, phone…)',
    };
  return undefined;
}
