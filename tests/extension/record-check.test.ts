import type { RecordField } from '@edulens/shared/profiles';
import { encodeTcvn3 } from '@edulens/shared/text';
import { describe, expect, it } from 'vitest';
import { checkRecord, type RecordValues } from '../../extension/lib/records/check-record';

// The student rules over a record form's fields, as the record-validate feature runs them on every
// keystroke: which field each finding is on, its message, and the value a one-click fix writes.

const NOW = new Date('2025-11-20T01:00:00Z');
const ITEMS: Partial<Record<RecordField, string[]>> = {
  gender: ['Nam', 'Nữ'],
  ethnicity: ['Kinh', 'Khmer', 'Hoa'],
  status: ['Đang học', 'Chuyển đi'],
};
const CLEAN: Partial<Record<RecordField, string>> = {
  studentCode: '8612345678',
  fullName: 'Nguyễn Thị Lan',
  birthDate: '05/09/2014',
  gender: 'Nữ',
  ethnicity: 'Kinh',
  status: 'Đang học',
  citizenId: '086314000123',
  phone: '0912345678',
  parentPhone: '0987654321',
  fatherName: 'Nguyễn Văn Hùng',
  motherName: 'Trần Thị Mai',
  address: 'Ấp Long Phước, xã Long Phước',
};

function record(changes: Partial<Record<RecordField, string>> = {}): RecordValues {
  const values = { ...CLEAN, ...changes };
  return { value: (field) => (values[field] ?? '').trim(), items: (field) => ITEMS[field] };
}

const found = (changes: Partial<Record<RecordField, string>>) =>
  checkRecord(record(changes), NOW).map((f) => ({
    field: f.field,
    code: f.problem.code,
    vi: f.problem.message.vi,
    fix: f.fix?.value,
  }));

describe('checkRecord', () => {
  it('finds nothing in a clean record, nor in blank fields (completeness counts those)', () => {
    expect(found({})).toEqual([]);
    expect(found({ citizenId: '', phone: '', ethnicity: '' })).toEqual([]);
  });

  it('checks the CCCD against the gender and the birth year on the form', () => {
    expect(found({ citizenId: '086214000123' })).toEqual([
      {
        field: 'citizenId',
        code: 'cccd.gender',
        vi: 'Số CCCD 086214000123 ứng với giới tính nam, nhưng hồ sơ ghi nữ.',
        fix: undefined,
      },
    ]);
    expect(found({ birthDate: '05/09/2013' }).map((f) => [f.field, f.code])).toEqual([
      ['citizenId', 'cccd.birth-year'],
    ]);
    // Changing the gender on the form puts it right.
    expect(found({ citizenId: '086214000123', gender: 'Nam' })).toEqual([]);
  });

  it('offers the new number for an old 11-digit phone, on either phone field', () => {
    expect(found({ parentPhone: '01662345678' })).toEqual([
      {
        field: 'parentPhone',
        code: 'phone.old-prefix',
        vi: 'Số điện thoại "01662345678" là số 11 chữ số cũ; từ năm 2018 đã chuyển thành 0362345678.',
        fix: '0362345678',
      },
    ]);
    expect(found({ phone: '091234' }).map((f) => [f.field, f.code, f.fix])).toEqual([
      ['phone', 'phone.format', undefined],
    ]);
  });

  it('offers NFC for a decomposed name and the decoded text for TCVN3 leftovers', () => {
    const nfd = 'Nguyễn Thị Lan'.normalize('NFD');
    expect(found({ fullName: nfd })).toEqual([
      {
        field: 'fullName',
        code: 'name.nfc',
        vi: 'Tên "Nguyễn Thị Lan" đang ở dạng Unicode tổ hợp (không phải NFC); sẽ được chuẩn hóa về NFC khi lưu.',
        fix: 'Nguyễn Thị Lan',
      },
    ]);
    const legacy = encodeTcvn3('Trần Văn Hùng');
    expect(found({ fatherName: legacy, address: encodeTcvn3(CLEAN.address!) })).toEqual([
      {
        field: 'fatherName',
        code: 'text.legacy',
        vi: `Họ tên cha: "${legacy}" là chữ gõ bằng bảng mã TCVN3 cũ; đúng là "Trần Văn Hùng".`,
        fix: 'Trần Văn Hùng',
      },
      {
        field: 'address',
        code: 'text.legacy',
        vi: `Địa chỉ: "${encodeTcvn3(CLEAN.address!)}" là chữ gõ bằng bảng mã TCVN3 cũ; đúng là "${CLEAN.address}".`,
        fix: CLEAN.address,
      },
    ]);
    expect(found({ motherName: 'Trần Thị M@i' }).map((f) => f.code)).toEqual(['name.symbol']);
  });

  it('checks dates: the form, a real day, a plausible age for a student', () => {
    expect(found({ birthDate: '2014-09-05' }).map((f) => f.code)).toContain('date.format');
    expect(found({ birthDate: '31/02/2014' }).map((f) => f.code)).toContain('date.invalid');
    expect(found({ birthDate: '05/09/1990', citizenId: '' })).toEqual([
      {
        field: 'birthDate',
        code: 'date.age',
        vi: 'Ngày sinh 05/09/1990: học sinh 35 tuổi — ngoài khoảng 3–25 tuổi, có thể gõ nhầm năm.',
        fix: undefined,
      },
    ]);
    expect(found({ birthDate: '21/11/2022', citizenId: '' }).map((f) => f.code)).toEqual(['date.age']);
    expect(found({ birthDate: '20/11/2022', citizenId: '' })).toEqual([]);
  });

  it('requires a coded value to be one of the combo’s items (case and NFC folded, marks kept)', () => {
    expect(found({ ethnicity: 'khmer' })).toEqual([]);
    expect(found({ status: 'Đang học'.normalize('NFD') })).toEqual([]);
    expect(found({ status: 'Dang hoc' })).toEqual([
      {
        field: 'status',
        code: 'record.coded-value',
        vi: 'Trạng thái: "Dang hoc" không có trong danh sách (Đang học, Chuyển đi).',
        fix: undefined,
      },
    ]);
  });

  it('holds names and codes to the QĐ 4998 lengths', () => {
    const long = `Nguyễn ${'Văn '.repeat(12)}An`;
    expect(found({ fullName: long }).map((f) => f.code)).toEqual(['length.max']);
    expect(found({ studentCode: '8'.repeat(16) }).map((f) => [f.field, f.code])).toEqual([
      ['studentCode', 'length.max'],
    ]);
  });
});
