import { headerKey } from './column-kinds';
import { cellAt, cellText, type GridSheet } from './grid';
import type { HeaderColumn } from './header-detection';

export interface IdentityColumns {
  order?: number;
  code?: number;
  name?: number;
  /** vnEdu exports may split the name into "Họ đệm" and "Tên". */
  familyName?: number;
  givenName?: number;
  birthDate?: number;
}

export interface Student {
  /** Zero-based row. */
  row: number;
  code: string;
  name: string;
  /** As written (dd/mm/yyyy), '' when the sheet has no birth dates. */
  birthDate: string;
}

export function identityColumns(columns: readonly HeaderColumn[]): IdentityColumns {
  const identity: IdentityColumns = {};
  for (const { col, kind } of columns) {
    if (kind.kind === 'score' || kind.kind === 'evaluation' || kind.kind === 'average') continue;
    // "Họ và tên" merged over two columns (vnEdu's export): family + middle, then the given name.
    if (
      kind.kind === 'name' &&
      identity.name !== undefined &&
      identity.givenName === undefined &&
      col === identity.name + 1
    ) {
      identity.familyName = identity.name;
      identity.givenName = col;
      delete identity.name;
      continue;
    }
    identity[kind.kind] ??= col;
  }
  return identity;
}

// Signature blocks and totals under the table ("Người lập biểu", "Hiệu trưởng", "Tổng số: 38",
// "Ngày 20 tháng 12 năm 2025") are not students.
const footer =
  /^(?:nguoi lap|nguoi kiem tra|giao vien|gvcn|gvbm|hieu truong|pho hieu truong|xac nhan|tong|si so|ghi chu|ngay .*thang)|\bky\b.*\bten\b/;

function text(sheet: GridSheet, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(sheet, row, col));
}

/** The student on a row below the header, or undefined for blank, title and signature rows. */
export function readStudent(sheet: GridSheet, row: number, identity: IdentityColumns): Student | undefined {
  const code = text(sheet, row, identity.code);
  const name =
    identity.name === undefined
      ? [text(sheet, row, identity.familyName), text(sheet, row, identity.givenName)]
          .filter(Boolean)
          .join(' ')
      : text(sheet, row, identity.name);
  if (code === '' && name === '') return undefined;
  const numbered = /^[0-9]+$/.test(text(sheet, row, identity.order));
  if (code === '' && !numbered && footer.test(headerKey(name))) return undefined;
  return { row, code, name, birthDate: text(sheet, row, identity.birthDate) };
}
