import { type Message, type Problem, problem } from '@edulens/shared';
import { RECORD_FIELD_NAMES, type RecordField, recordFields } from '@edulens/shared/profiles';
import { fields as rules } from '@edulens/shared/rules';
import { readText } from '@edulens/shared/text';

// The student rules over one record's fields, as the form shows them: CCCD against birth date
// and gender, mobile numbers (an old 11-digit one comes with its new number), names (NFC, odd
// characters, TCVN3/VNI leftovers, with the repaired text), dates (dd/mm/yyyy, a real day, a
// plausible age), coded values (one of the combo's items) and the QĐ 4998 length limits.

/** A value the user can take instead, with one click. */
export interface FieldFix {
  label: Message;
  value: string;
}

export interface FieldFinding {
  field: RecordField;
  problem: Problem;
  fix?: FieldFix;
}

/** What the checks read from the form. */
export interface RecordValues {
  value(field: RecordField): string;
  /** A coded field's items; undefined for a free-text field. */
  items(field: RecordField): string[] | undefined;
}

/** A student's age on the record's day: from 3 (pre-school) to 25 (continuing education). */
const STUDENT_AGE = { min: 3, max: 25 } as const;

const PHONES: readonly RecordField[] = ['phone', 'parentPhone'];
const NAMES: readonly RecordField[] = ['fullName', 'fatherName', 'motherName'];
const LEGACY_TEXT: readonly RecordField[] = [...NAMES, 'address'];

function genderOf(text: string): rules.Gender | undefined {
  const key = text.normalize('NFC').trim().toLocaleLowerCase('vi');
  return key === 'nam' ? 'male' : key === 'nữ' || key === 'nu' ? 'female' : undefined;
}

function legacyFinding(field: RecordField, value: string): FieldFinding | undefined {
  const reading = readText(value);
  if (reading.kind !== 'legacy') return undefined;
  const name = RECORD_FIELD_NAMES[field];
  const from = reading.from.toUpperCase();
  return {
    field,
    problem: problem(
      'text.legacy',
      'error',
      `${name.vi}: "${value}" là chữ gõ bằng bảng mã ${from} cũ; đúng là "${reading.text}".`,
      `${name.en}: "${value}" was typed in the old ${from} encoding; it reads "${reading.text}".`,
    ),
    fix: { label: { vi: 'Sửa bảng mã', en: 'Repair the text' }, value: reading.text },
  };
}

function nameFindings(field: RecordField, value: string): FieldFinding[] {
  const found = rules.checkPersonName(value).map((p): FieldFinding => ({ field, problem: p }));
  const nfc = value.normalize('NFC');
  return found.map((f) =>
    f.problem.code === 'name.nfc'
      ? { ...f, fix: { label: { vi: 'Chuẩn hóa NFC', en: 'Normalise to NFC' }, value: nfc } }
      : f,
  );
}

function phoneFindings(field: RecordField, value: string): FieldFinding[] {
  const converted = rules.convertOldMobile(value);
  const found = [...rules.checkMobile(value), ...rules.checkLength('phone', value)];
  return found.map((p) => ({
    field,
    problem: p,
    ...(p.code === 'phone.old-prefix' &&
      converted !== undefined && {
        fix: { label: { vi: `Đổi thành ${converted}`, en: `Change to ${converted}` }, value: converted },
      }),
  }));
}

function birthDateFindings(value: string, now: Date): FieldFinding[] {
  const parsed = rules.parseVnDate(value);
  if (!parsed.ok) return [{ field: 'birthDate', problem: parsed.problem }];
  const today = rules.vietnamDayOf(now);
  const { year, month, day } = parsed.date;
  const age = today.year - year - (today.month < month || (today.month === month && today.day < day) ? 1 : 0);
  if (age >= STUDENT_AGE.min && age <= STUDENT_AGE.max) return [];
  return [
    {
      field: 'birthDate',
      problem: problem(
        'date.age',
        'error',
        `Ngày sinh ${value}: học sinh ${age} tuổi — ngoài khoảng ${STUDENT_AGE.min}–${STUDENT_AGE.max} tuổi, có thể gõ nhầm năm.`,
        `Date of birth ${value}: a student aged ${age}, outside ${STUDENT_AGE.min}–${STUDENT_AGE.max} — probably a typo in the year.`,
      ),
    },
  ];
}

function codedFinding(field: RecordField, value: string, items: readonly string[]): FieldFinding | undefined {
  const key = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('vi');
  if (items.length === 0 || items.some((item) => key(item) === key(value))) return undefined;
  const name = RECORD_FIELD_NAMES[field];
  const listed = items.join(', ');
  return {
    field,
    problem: problem(
      'record.coded-value',
      'error',
      `${name.vi}: "${value}" không có trong danh sách (${listed}).`,
      `${name.en}: "${value}" is not one of the portal's values (${listed}).`,
    ),
  };
}

/** Every finding of one record, field by field (blank fields are the completeness meter's). */
export function checkRecord(record: RecordValues, now: Date): FieldFinding[] {
  const findings: FieldFinding[] = [];
  const add = (list: readonly (FieldFinding | undefined)[]) => {
    for (const finding of list) if (finding) findings.push(finding);
  };
  const filled = (field: RecordField) => record.value(field) !== '';

  for (const field of LEGACY_TEXT) {
    if (!filled(field)) continue;
    const legacy = legacyFinding(field, record.value(field));
    // Legacy text is repaired first: its odd characters are not the name's own mistakes.
    if (legacy) add([legacy]);
    else if (NAMES.includes(field)) add(nameFindings(field, record.value(field)));
  }
  for (const field of PHONES) if (filled(field)) add(phoneFindings(field, record.value(field)));
  if (filled('birthDate')) add(birthDateFindings(record.value('birthDate'), now));
  if (filled('studentCode')) {
    add(
      rules
        .checkLength('studentId', record.value('studentCode'))
        .map((p) => ({ field: 'studentCode', problem: p })),
    );
  }
  for (const field of recordFields) {
    const items = record.items(field);
    if (items && filled(field)) add([codedFinding(field, record.value(field), items)]);
  }
  if (filled('citizenId')) {
    const birth = rules.parseVnDate(record.value('birthDate'));
    const gender = genderOf(record.value('gender'));
    const person = { ...(birth.ok && { birthYear: birth.date.year }), ...(gender && { gender }) };
    add(
      rules
        .checkCccd(record.value('citizenId'), person, { now })
        .map((p) => ({ field: 'citizenId', problem: p })),
    );
  }
  return findings;
}
