import type { AssessmentKind } from '../rules/rulepack';
import { labelKey } from '../text/index';

/** What a grade-sheet column holds, recognised from its header text. */
export type ColumnKind =
  | { kind: 'order' }
  | { kind: 'code' }
  | { kind: 'name' }
  | { kind: 'familyName' }
  | { kind: 'givenName' }
  | { kind: 'birthDate' }
  | { kind: 'score'; assessment: AssessmentKind }
  /** A primary book's periodic test score (KT), level (XL: T/H/C) or a written comment (Nhận xét). */
  | { kind: 'evaluation'; entry: EvaluationKind }
  | { kind: 'average' };

/** KT, XL, Nhận xét, and KT/XL "(Sau thi lại)" — after the retake exam. */
export type EvaluationKind = 'test' | 'level' | 'comment' | 'retakeTest' | 'retakeLevel';

/** Header text → a comparable key (see `labelKey`): "ĐĐGtx\n1" → "ddgtx 1", "Mã HS:" → "ma hs". */
export const headerKey = labelKey;

// Each pattern must match a whole header key. A trailing number (TX1, "KTTX 1", ĐĐGtx over a
// sub-header "1") is allowed on assessment columns only. TT58-era sheets name the same slots
// by test type (Miệng, 15 phút = weight 1; 1 tiết = weight 2; Học kỳ = weight 3).
const optionalNumber = '(?: ?[0-9]{1,2})?';
const prefix = '(?:diem |cot )?';
// The period a primary book's column belongs to: "KT CN", "XL GK1", "Nhận xét cuối kỳ II"; the
// same "(Sau thi lại)" is the column after the retake exam.
const period =
  '(?:gk|ck|cn|hk|gk ?[12]|ck ?[12]|hk ?[12]|gk ?i{1,2}|ck ?i{1,2}|(?:giua|cuoi) (?:hoc )?k[yi](?: ?(?:i{1,2}|[12]))?|cuoi nam|ca nam)';
const patterns: ReadonlyArray<readonly [RegExp, ColumnKind]> = [
  [/^(?:stt|tt|so tt|so thu tu)$/, { kind: 'order' }],
  [
    /^(?:ma|ma hs|ma hoc sinh|ma so hs|ma so hoc sinh|ma dinh danh|ma dinh danh hoc sinh|ma ca nhan)$/,
    { kind: 'code' },
  ],
  [/^(?:ho va ten|ho ten|ho va ten hoc sinh|ho ten hoc sinh|ten hoc sinh|hoc sinh)$/, { kind: 'name' }],
  [/^(?:ho|ho dem|ho va dem|ho va ten dem)$/, { kind: 'familyName' }],
  [/^ten$/, { kind: 'givenName' }],
  [/^(?:ngay sinh|ngay thang nam sinh|ngay thang sinh)$/, { kind: 'birthDate' }],
  [
    new RegExp(
      `^${prefix}(?:ddg ?tx|dg ?tx|kt ?tx|tx|ddgtx|thuong xuyen|danh gia thuong xuyen|kiem tra thuong xuyen|mieng|15 ?p|15 phut|hs ?1|he so 1)${optionalNumber}$`,
    ),
    { kind: 'score', assessment: 'tx' },
  ],
  [
    new RegExp(
      `^${prefix}(?:ddg ?gk|dg ?gk|gk|giua k[yi]|giua hoc k[yi]|kt ?giua k[yi]|kiem tra giua k[yi]|danh gia giua k[yi]|1 tiet|45 ?p|45 phut|hs ?2|he so 2|kt ?dk|dinh ky)${optionalNumber}$`,
    ),
    { kind: 'score', assessment: 'gk' },
  ],
  [
    new RegExp(
      `^${prefix}(?:ddg ?ck|dg ?ck|ck|cuoi k[yi]|cuoi hoc k[yi]|kt ?cuoi k[yi]|kiem tra cuoi k[yi]|danh gia cuoi k[yi]|hk|kt ?hk|thi hk|thi hoc k[yi]|kiem tra hoc k[yi]|hs ?3|he so 3)$`,
    ),
    { kind: 'score', assessment: 'ck' },
  ],
  [
    new RegExp(`^(?:kt|ktdk|diem kt|diem ktdk|bai kt)(?: ${period})?$`),
    { kind: 'evaluation', entry: 'test' },
  ],
  [new RegExp(`^(?:xl|muc dat|muc dat duoc)(?: ${period})?$`), { kind: 'evaluation', entry: 'level' }],
  [
    new RegExp(`^(?:(?:kt|ktdk|diem kt)(?: ${period})? sau thi lai|diem thi lai|diem kiem tra lai)$`),
    { kind: 'evaluation', entry: 'retakeTest' },
  ],
  [new RegExp(`^(?:xl|muc dat)(?: ${period})? sau thi lai$`), { kind: 'evaluation', entry: 'retakeLevel' }],
  [
    new RegExp(`^(?:nhan xet|nx|nhan xet cua giao vien|nhan xet gv)(?: ${period})?$`),
    { kind: 'evaluation', entry: 'comment' },
  ],
  [
    // Semester subject average only: year averages (ĐTBmcn, TB CN, cả năm) are not this column.
    /^(?:d?tb ?m ?hk(?: ?(?:i|ii|1|2))?|d?tbm|d?tb ?mon|d?tb|(?:diem )?trung binh(?: mon)?(?: hoc k[yi])?(?: ?(?:i|ii|1|2))?)$/,
    { kind: 'average' },
  ],
];

// Every sheet of a school's workbook repeats the same header texts: remember the answers.
const known = new Map<string, ColumnKind | null>();
const knownLimit = 1000;

export function classifyHeader(text: string): ColumnKind | null {
  let kind = known.get(text);
  if (kind === undefined) {
    kind = classifyKey(headerKey(text));
    if (known.size >= knownLimit) known.clear();
    known.set(text, kind);
  }
  return kind;
}

function classifyKey(key: string): ColumnKind | null {
  if (key === '') return null;
  for (const [pattern, kind] of patterns) if (pattern.test(key)) return kind;
  return null;
}
