import { deaccentKey, labelKey } from '../text/index';
import { type CellValue, cellText, type GridSheet } from './grid';
import type { ScoreBlock } from './score-blocks';

// What a grade file says about itself — its class, grade, subject, term and school year — read
// from the title rows above its header ("BẢNG ĐIỂM MÔN TOÁN – LỚP 6A1 – HỌC KỲ I"), its sheet name
// ("7A1 - Toán") and the group text over the score block taken ("Tin học"), so that a teacher on
// the 7A2 Toán page is told before filling from the 7A1 or the Tin học file. Student rows are
// never read: a name or a comment that happens to say "Lớp 8B" is not the file's context.

/** What a file says about itself; a field it does not state is absent. */
export interface FileContext {
  /** As the file writes it, with its label word when it has one: "LỚP 7A1", "Lớp: 7A1", "7A1". */
  class?: string;
  /** "Khối 7", or the leading number of the class ("7"). */
  grade?: string;
  /** "MÔN TOÁN", "Môn học: Tin học", or a bare subject name ("Tiếng Việt"). */
  subject?: string;
  /** "HỌC KỲ I", "Học kì 2", "HK1", "Cả năm". */
  term?: string;
  /** "NĂM HỌC 2025-2026", "2025 - 2026". */
  schoolYear?: string;
}

/** What the page shows, as the extension read it (class "7A2", term "1" or "Học kỳ I", …). */
export interface PageContext {
  class?: string;
  grade?: string;
  subject?: string;
  term?: string;
  schoolYear?: string;
}

export type ContextField = 'class' | 'grade' | 'subject' | 'term' | 'schoolYear';
const FIELDS: readonly ContextField[] = ['class', 'grade', 'subject', 'term', 'schoolYear'];

export interface ContextMismatch {
  field: ContextField;
  /** The file's own words. */
  file: string;
  /** The page's. */
  page: string;
  message: { vi: string; en: string };
}

/** Title rows read above the header, and the longest text taken from one cell. */
const maxTitleRows = 30;
const maxTextLength = 300;
/** Cells of one title row read (a title sits in the first few; a row is never wider than a sheet). */
const maxTitleCells = 60;

// ---- Text with a key of the same length

// Every UTF-16 unit of the NFC text maps to one unit of the key — lower case, no marks, đ → d,
// dashes → "-" — so a match found in the key is the span of the text that the file wrote.
const foldedUnits = new Map<string, string>();

function foldUnit(unit: string): string {
  let folded = foldedUnits.get(unit);
  if (folded === undefined) {
    if (unit === 'đ' || unit === 'Đ' || unit === 'ð' || unit === 'Ð') folded = 'd';
    else if (/[\u2010-\u2015\u2212]/.test(unit)) folded = '-';
    else {
      const lower = (unit.normalize('NFD')[0] ?? unit).toLowerCase();
      folded = lower.length === 1 ? lower : unit;
    }
    foldedUnits.set(unit, folded);
  }
  return folded;
}

interface Folded {
  /** NFC, single spaces; tabs only between cells. */
  text: string;
  key: string;
}

function fold(text: string): Folded {
  let key = '';
  for (let i = 0; i < text.length; i++) key += foldUnit(text[i]!);
  return { text, key };
}

/** A cell's text for reading: NFC, single spaces, at most `maxTextLength` characters. */
function cleanText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, maxTextLength).trim();
}

function span(folded: Folded, start: number, end: number): string {
  return folded.text.slice(start, end).replace(/\s+/g, ' ').trim();
}

// ---- Patterns, on the key (lower case, no marks)

const B = '(?<![a-z0-9])';
const E = '(?![a-z0-9])';
/** 6A1, 10A12, 2D, 12C1, 7/3. */
const CLASS = '(?:1[0-2]|[1-9])(?:[a-z]{1,3}[0-9]{0,2}|[/.-][0-9]{1,2})';
const GRADE = '(?:1[0-2]|[1-9])';
const TERM_NUMBER = '(?:ii|i|1|2)';
const YEAR = '(?:19|20)[0-9]{2}';

const classLabelled = new RegExp(`${B}lop(?:\\s+hoc)?\\s*[:.]?\\s*(${CLASS})${E}`);
const classBare = new RegExp(`${B}(?:lop(?:\\s+hoc)?\\s*[:.]?\\s*)?(${CLASS})${E}`);
const gradeLabelled = new RegExp(`${B}(?:khoi(?:\\s+lop)?|lop)\\s*[:.]?\\s*(${GRADE})(?![a-z0-9/.])`);
const termNumbered = new RegExp(`${B}(?:hoc\\s*k[yi]|hk)\\s*[:.]?\\s*(${TERM_NUMBER})${E}`);
const wholeYear = new RegExp(`${B}(?:ca nam|cuoi nam)(?!\\s*hoc)${E}`);
const yearRange = new RegExp(
  `${B}(?:nam hoc\\s*[:.]?\\s*)?(${YEAR})\\s*[-/]\\s*([0-9]{4}|[0-9]{2})(?![0-9])`,
);
const yearRanges = new RegExp(yearRange.source, 'g');
const yearSingle = new RegExp(`${B}nam hoc\\s*[:.]?\\s*(${YEAR})(?![0-9])`);
// "Giáo viên bộ môn", "các môn" are not a subject's label.
const subjectLabelled = new RegExp(
  `${B}(?<!bo\\s)(?<!cac\\s)mon(?:\\s+hoc)?\\s*[:.-]?\\s*([^\\t:,;()|/-]{1,80})`,
);
/** Where the words after "MÔN" stop when no separator stops them first. */
const subjectEnd = new RegExp(
  `\\s(?:lop|khoi|hoc k[yi]|hk\\s*${TERM_NUMBER}?|nam hoc|nam|giua|cuoi|ca nam|truong|giao vien|gv)${E}`,
);
const segmentSeparator = /[\t:,;()|/-]/;

// ---- Subjects

interface Subject {
  id: string;
  /** labelKey spellings, y at a syllable's end written i (see `subjectKeyOf`). */
  names: readonly string[];
  /** Subjects taught as parts of this one: a file for a part is not the wrong file. */
  parts?: readonly string[];
}

// The subjects of primary and secondary schools (CT GDPT 2018, and the 2006 ones still in old
// files), with the short names and acronyms schools use.
const SUBJECTS: readonly Subject[] = [
  { id: 'toan', names: ['toan', 'toan hoc'] },
  { id: 'ngu-van', names: ['ngu van', 'van', 'van hoc'] },
  { id: 'tieng-viet', names: ['tieng viet'] },
  {
    id: 'ngoai-ngu',
    names: ['ngoai ngu', 'ngoai ngu 1', 'ngoai ngu 2', 'nn', 'nn1', 'nn2', 'nn 1', 'nn 2'],
    parts: ['tieng-anh', 'tieng-phap', 'tieng-nga', 'tieng-trung', 'tieng-nhat', 'tieng-han', 'tieng-duc'],
  },
  { id: 'tieng-anh', names: ['tieng anh', 'anh', 'anh van', 'english'] },
  { id: 'tieng-phap', names: ['tieng phap'] },
  { id: 'tieng-nga', names: ['tieng nga'] },
  { id: 'tieng-trung', names: ['tieng trung', 'tieng trung quoc'] },
  { id: 'tieng-nhat', names: ['tieng nhat'] },
  { id: 'tieng-han', names: ['tieng han', 'tieng han quoc'] },
  { id: 'tieng-duc', names: ['tieng duc'] },
  { id: 'tieng-dan-toc', names: ['tieng dan toc', 'tieng dan toc thieu so'] },
  {
    id: 'khtn',
    names: ['khoa hoc tu nhien', 'khtn'],
    parts: ['vat-li', 'hoa-hoc', 'sinh-hoc'],
  },
  {
    id: 'ls-dl',
    names: ['lich su va dia li', 'lich su dia li', 'ls dl', 'ls va dl', 'lsdl', 'ls&dl'],
    parts: ['lich-su', 'dia-li'],
  },
  { id: 'lich-su', names: ['lich su', 'su'] },
  { id: 'dia-li', names: ['dia li', 'dia'] },
  { id: 'gdcd', names: ['giao duc cong dan', 'gdcd'] },
  {
    id: 'gdkt-pl',
    names: [
      'giao duc kinh te va phap luat',
      'giao duc kinh te phap luat',
      'gdkt pl',
      'gdkt va pl',
      'gdktpl',
      'gd kt pl',
      'gd kt va pl',
    ],
  },
  { id: 'cong-nghe', names: ['cong nghe'] },
  { id: 'tin-hoc', names: ['tin hoc', 'tin'] },
  { id: 'gdtc', names: ['giao duc the chat', 'gdtc', 'the duc'] },
  { id: 'nghe-thuat', names: ['nghe thuat'], parts: ['am-nhac', 'mi-thuat'] },
  { id: 'am-nhac', names: ['am nhac', 'nhac'] },
  { id: 'mi-thuat', names: ['mi thuat'] },
  {
    id: 'hdtn',
    names: [
      'hoat dong trai nghiem',
      'hoat dong trai nghiem huong nghiep',
      'hoat dong trai nghiem va huong nghiep',
      'hd trai nghiem',
      'hdtn',
      'hdtnhn',
      'hdtn hn',
    ],
  },
  { id: 'khoa-hoc', names: ['khoa hoc'] },
  { id: 'dao-duc', names: ['dao duc'] },
  { id: 'tn-xh', names: ['tu nhien va xa hoi', 'tu nhien xa hoi', 'tn xh', 'tn va xh', 'tnxh'] },
  { id: 'vat-li', names: ['vat li', 'li'] },
  { id: 'hoa-hoc', names: ['hoa hoc', 'hoa'] },
  { id: 'sinh-hoc', names: ['sinh hoc', 'sinh'] },
  {
    id: 'gdqp',
    names: [
      'giao duc quoc phong va an ninh',
      'giao duc quoc phong an ninh',
      'giao duc quoc phong',
      'quoc phong va an ninh',
      'quoc phong an ninh',
      'quoc phong',
      'gdqp',
      'gdqp an',
      'gdqpan',
      'gd qp an',
      'gdqp va an',
    ],
  },
  {
    id: 'gddp',
    names: [
      'noi dung giao duc dia phuong',
      'noi dung giao duc cua dia phuong',
      'giao duc dia phuong',
      'gddp',
    ],
  },
  { id: 'ki-thuat', names: ['ki thuat'] },
  { id: 'thu-cong', names: ['thu cong'] },
];

/**
 * Subject text → comparable key: labelKey, without a "Môn"/"Môn học" label, y at the end of a
 * syllable written i (Vật lý = Vật lí, Mỹ thuật = Mĩ thuật), "&" kept apart from the words.
 */
function subjectKeyOf(text: string): string {
  return labelKey(text.replace(/&/g, ' va '))
    .replace(/(?<=[bcdghklmnprstvx])y(?![a-z])/g, 'i')
    .replace(/^mon(?: hoc)? /, '')
    .trim();
}

const subjectByName = new Map<string, Subject>();
for (const subject of SUBJECTS) {
  for (const name of subject.names) subjectByName.set(subjectKeyOf(name), subject);
}

/** The known subject a text names exactly ("Toán 7" and "MÔN TOÁN" too), or undefined. */
function knownSubject(text: string): Subject | undefined {
  const key = subjectKeyOf(text);
  return subjectByName.get(key) ?? subjectByName.get(key.replace(/ [0-9]{1,2}$/, ''));
}

/** The known subject of a text, the most specific part first ("Ngoại ngữ 1 - Tiếng Anh" → Tiếng Anh). */
function subjectOf(text: string): Subject | undefined {
  const whole = knownSubject(text);
  if (whole) return whole;
  const found = text
    .split(segmentSeparator)
    .map(knownSubject)
    .filter((subject): subject is Subject => subject !== undefined);
  return found.find((subject) => !subject.parts) ?? found[0];
}

function related(a: Subject, b: Subject): boolean {
  return a === b || Boolean(a.parts?.includes(b.id)) || Boolean(b.parts?.includes(a.id));
}

/**
 * Whether two subject texts name the same subject: two known subjects by their identity (Toán =
 * Toán học, KHTN = Khoa học tự nhiên, Ngoại ngữ = Tiếng Anh, Khoa học ≠ Khoa học tự nhiên);
 * otherwise when the words of one are a run of the other's ("Toán" in "Toán - Đại số").
 */
export function subjectsAgree(a: string, b: string): boolean {
  const left = subjectOf(a);
  const right = subjectOf(b);
  if (left && right) return related(left, right);
  const leftKey = subjectKeyOf(a);
  const rightKey = subjectKeyOf(b);
  if (leftKey === '' || rightKey === '') return false;
  return ` ${leftKey} `.includes(` ${rightKey} `) || ` ${rightKey} `.includes(` ${leftKey} `);
}

// ---- Terms, years, classes, grades as values

/** 1, 2, or 'year' for the whole year ("Cả năm", "CN"); undefined when the text names no term. */
export function termOf(text: string): 1 | 2 | 'year' | undefined {
  const { key } = fold(cleanText(text));
  if (wholeYear.test(key) || /^(?:hk\s*)?cn$/.test(key)) return 'year';
  const number = termNumbered.exec(key)?.[1] ?? /^(ii|i|1|2)$/.exec(key)?.[1];
  if (number === undefined) return undefined;
  return number === '1' || number === 'i' ? 1 : 2;
}

/** The first calendar year of a school year: "2025-2026", "2025 - 2026", "Năm học 2025" → 2025. */
function yearStartOf(text: string): number | undefined {
  const found = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/.exec(text);
  return found ? Number(found[1]) : undefined;
}

/** "LỚP 7A1", "Lớp: 7a1", "7A1" → "7a1"; "7/3" = "7-3" = "7.3". */
function classKeyOf(text: string): string {
  return deaccentKey(text)
    .replace(/^lop(?:\s+hoc)?\s*[:.]?\s*/, '')
    .replace(/[\s_]+/g, '')
    .replace(/[.\-–]/g, '/');
}

function gradeOf(text: string): number | undefined {
  const key = deaccentKey(text).replace(/^(?:khoi(?:\s+lop)?|lop)\s*[:.]?\s*/, '');
  const found = new RegExp(`^(${GRADE})(?![0-9])`).exec(key);
  return found ? Number(found[1]) : undefined;
}

// ---- Reading one text

interface Reading {
  /** A class name with no "Lớp" before it counts (a sheet name). */
  bareClass: boolean;
}

function readText(raw: string, { bareClass }: Reading): FileContext {
  const folded = fold(raw);
  const { key } = folded;
  const found: FileContext = {};

  const cls = (bareClass ? classBare : classLabelled).exec(key);
  if (cls) found.class = span(folded, cls.index, cls.index + cls[0].length);
  const grade = gradeLabelled.exec(key);
  if (grade) found.grade = span(folded, grade.index, grade.index + grade[0].length);

  const term = termNumbered.exec(key) ?? wholeYear.exec(key);
  if (term) found.term = span(folded, term.index, term.index + term[0].length);

  for (const range of key.matchAll(yearRanges)) {
    const first = Number(range[1]);
    const second = range[2]!;
    const next = second.length === 4 ? Number(second) : Number(second) + Math.floor(first / 100) * 100;
    if (next !== first + 1) continue;
    found.schoolYear = span(folded, range.index, range.index + range[0].length);
    break;
  }
  if (!found.schoolYear) {
    const single = yearSingle.exec(key);
    if (single) found.schoolYear = span(folded, single.index, single.index + single[0].length);
  }

  const subject = labelledSubject(folded) ?? bareSubject(folded, bareClass);
  if (subject) found.subject = subject;
  return found;
}

/** "MÔN TOÁN – …", "Môn học: Tin học", "BẢNG ĐIỂM MÔN NGỮ VĂN LỚP 6A1": the label and its words. */
function labelledSubject(folded: Folded): string | undefined {
  const found = subjectLabelled.exec(folded.key);
  if (!found) return undefined;
  const words = found[1]!;
  const valueStart = found.index + found[0].length - words.length;
  const stop = subjectEnd.exec(` ${words}`);
  const valueEnd = valueStart + (stop ? Math.max(0, stop.index - 1) : words.length);
  const value = span(folded, valueStart, valueEnd);
  if (!/\p{L}/u.test(value) || value.split(' ').length > 8) return undefined;
  return span(folded, found.index, valueEnd);
}

/** Covers each match of the patterns with tabs: the key keeps its length, the words between stay apart. */
function mask(key: string, patterns: readonly RegExp[]): string {
  return patterns.reduce(
    (masked, pattern) => masked.replace(pattern, (match) => '\t'.repeat(match.length)),
    key,
  );
}

const notSubjectWords = [termNumbered, wholeYear, yearRange, yearSingle, classLabelled, gradeLabelled].map(
  (pattern) => new RegExp(pattern.source, 'g'),
);
const notSubjectWordsOfName = [...notSubjectWords, new RegExp(classBare.source, 'g')];

/**
 * A part of the text between separators that is a known subject's name, once the term, year and
 * class words are set aside: "SỔ ĐIỂM - Tiếng Việt - Học kỳ 2", "Toán Học kỳ I", "Toán 7A1".
 */
function bareSubject(folded: Folded, bareClass: boolean): string | undefined {
  const { text } = folded;
  const key = mask(folded.key, bareClass ? notSubjectWordsOfName : notSubjectWords);
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length && !segmentSeparator.test(key[i]!)) continue;
    const partKey = key.slice(start, i).trim();
    // "Tổ: Toán - Tin", "Giáo viên bộ môn: …": a department or a person, not the file's subject.
    if (/^(?:to|to chuyen mon|to bo mon|bo mon|gv.*|giao vien.*)$/.test(partKey)) return undefined;
    if (partKey !== '' && knownSubject(partKey)) return text.slice(start, i).trim();
    start = i + 1;
  }
  return undefined;
}

// ---- The file's context

/** A title row's cells as one text, cells apart by tabs (a separator for subjects, a space for the rest). */
function rowText(cells: readonly CellValue[] | undefined): string {
  if (!cells) return '';
  const texts: string[] = [];
  for (let col = 0; col < Math.min(cells.length, maxTitleCells); col++) {
    const value = cells[col];
    // A label's value may be a number ("Học kỳ:" | 2); a date is never one.
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const text = cleanText(cellText(value));
    if (text !== '') texts.push(text);
  }
  return texts.join('\t');
}

/**
 * What a grade file says about itself: the title rows above the header (the first 30 at most),
 * the group text over the score block taken, and the sheet name, in that order of trust for the
 * subject (the block is what is filled) and title rows before the sheet name for the rest. Rows
 * from the header down are never read. Pass the repaired sheet (TCVN3/VNI already Unicode).
 */
export function fileContextOf(
  sheet: GridSheet,
  header: { top: number } | undefined,
  block: ScoreBlock | undefined,
): FileContext {
  const readings: FileContext[] = [];
  if (block && block.subject.trim() !== '') {
    // A group names a subject ("Tin học") or a semester ("Học kỳ I"); anything else is not context.
    const group = readText(cleanText(block.subject), { bareClass: false });
    readings.push({
      ...(group.subject && { subject: group.subject }),
      ...(group.term && { term: group.term }),
    });
  }
  const titleRows = header ? Math.min(header.top, maxTitleRows) : 0;
  for (let row = 0; row < titleRows; row++) {
    const text = rowText(sheet.rows[row]);
    if (text !== '') readings.push(readText(text, { bareClass: false }));
  }
  readings.push(readText(cleanText(sheet.name), { bareClass: true }));

  const context: FileContext = {};
  for (const reading of readings) {
    for (const field of FIELDS) {
      const value = reading[field];
      if (value && !context[field]) context[field] = value;
    }
  }
  if (!context.grade && context.class) {
    const grade = gradeOf(context.class);
    if (grade !== undefined) context.grade = String(grade);
  }
  return context;
}

// ---- Comparing with the page

const LABELS: Record<ContextField, { vi: string; en: string; said: RegExp }> = {
  class: { vi: 'lớp', en: 'class', said: /^lop(?:\s+hoc)?(?![a-z])\s*[:.]?\s*/ },
  grade: { vi: 'khối', en: 'grade', said: /^(?:khoi(?:\s+lop)?|lop)(?![a-z])\s*[:.]?\s*/ },
  subject: { vi: 'môn', en: 'subject', said: /^mon(?:\s+hoc)?(?![a-z])\s*[:.-]?\s*/ },
  term: { vi: 'học kỳ', en: 'term', said: /^(?:hoc\s*k[yi]|hk)\s*[:.]?\s*/ },
  schoolYear: { vi: 'năm học', en: 'school year', said: /^nam hoc(?![a-z])\s*[:.]?\s*/ },
};

/** The words with their label ("LỚP 7A1" as written; "7A2" → "lớp 7A2"). */
function withLabel(field: ContextField, text: string): string {
  const clean = cleanText(text);
  const { vi, said } = LABELS[field];
  return said.test(fold(clean).key) ? clean : `${vi} ${clean}`;
}

/** The words without their label ("LỚP 7A1" → "7A1", "HỌC KỲ I" → "I"). */
function withoutLabel(field: ContextField, text: string): string {
  const clean = cleanText(text);
  const said = LABELS[field].said.exec(fold(clean).key);
  return said ? clean.slice(said[0].length).trim() || clean : clean;
}

function agrees(field: ContextField, file: string, page: string): boolean | undefined {
  switch (field) {
    case 'class': {
      const [left, right] = [classKeyOf(file), classKeyOf(page)];
      return left === '' || right === '' ? undefined : left === right;
    }
    case 'grade': {
      const [left, right] = [gradeOf(file), gradeOf(page)];
      return left === undefined || right === undefined ? undefined : left === right;
    }
    case 'subject':
      return subjectKeyOf(file) === '' || subjectKeyOf(page) === '' ? undefined : subjectsAgree(file, page);
    case 'term': {
      const [left, right] = [termOf(file), termOf(page)];
      if (left === undefined || right === undefined) return undefined;
      return left === 'year' || right === 'year' || left === right;
    }
    case 'schoolYear': {
      const [left, right] = [yearStartOf(file), yearStartOf(page)];
      return left === undefined || right === undefined ? undefined : left === right;
    }
  }
}

function mismatch(field: ContextField, file: string, page: string): ContextMismatch {
  const { en } = LABELS[field];
  return {
    field,
    file,
    page,
    message: {
      vi: `Tệp ghi ${withLabel(field, file)}, trang đang mở là ${withLabel(field, page)}`,
      en: `The file says ${en} ${withoutLabel(field, file)}; the page shows ${en} ${withoutLabel(field, page)}`,
    },
  };
}

/** Field by field: where both the file and the page say something, whether they agree. */
export function compareContext(
  file: FileContext,
  page: PageContext,
): { agreements: ContextField[]; mismatches: ContextMismatch[] } {
  const classGrade = page.class === undefined ? undefined : gradeOf(page.class);
  const pageGrade = page.grade ?? (classGrade === undefined ? undefined : String(classGrade));
  const pageValues: PageContext = { ...page, ...(pageGrade && { grade: pageGrade }) };
  const agreements: ContextField[] = [];
  const mismatches: ContextMismatch[] = [];
  for (const field of FIELDS) {
    const fileValue = file[field]?.trim();
    const pageValue = pageValues[field]?.trim();
    if (!fileValue || !pageValue) continue;
    const agree = agrees(field, fileValue, pageValue);
    if (agree === true) agreements.push(field);
    else if (agree === false) mismatches.push(mismatch(field, fileValue, pageValue));
  }
  // Another class of another grade is one fact: the class says it, the grade taken from it need not.
  const classMismatch = mismatches.find((m) => m.field === 'class');
  const impliedGrade =
    classMismatch && file.class && file.grade && gradeOf(file.grade) === gradeOf(file.class);
  return {
    agreements,
    mismatches: impliedGrade ? mismatches.filter((m) => m.field !== 'grade') : mismatches,
  };
}

/**
 * Where the file and the page both say something and disagree: another class, grade, subject,
 * term or school year. "Cả năm" agrees with either term; a field only one side states is no
 * mismatch.
 */
export function contextMismatches(file: FileContext, page: PageContext): ContextMismatch[] {
  return compareContext(file, page).mismatches;
}
