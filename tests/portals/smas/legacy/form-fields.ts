import type { RecordField } from '../common/record-fields';
import { fields } from '@edulens/shared/rules';

// Where each record field sits on the legacy profile form: the posted name, the input's id and
// its maxlength (QĐ 4998's column limits where it sets one), and whether it is a Telerik combo.

export interface FormField {
  name: string;
  /** The visible input's id (for a combo, its div's id; the text input is `${id}_Input`). */
  id: string;
  maxLength: number;
  combo?: boolean;
}

const limits = fields.MINISTRY_FIELD_LIMITS;

export const FORM_FIELDS: Readonly<Record<RecordField, FormField>> = {
  fullName: { name: 'HoTen', id: 'HoTen', maxLength: limits.fullName.max },
  birthDate: { name: 'NgaySinh', id: 'NgaySinh', maxLength: 10 },
  gender: { name: 'GioiTinh', id: 'cbGioiTinh', maxLength: 10, combo: true },
  ethnicity: { name: 'DanToc', id: 'cbDanToc', maxLength: 30, combo: true },
  status: { name: 'TrangThai', id: 'cbTrangThai', maxLength: 30, combo: true },
  citizenId: { name: 'SoCCCD', id: 'SoCCCD', maxLength: limits.citizenId.max },
  phone: { name: 'DienThoai', id: 'DienThoai', maxLength: limits.phone.max },
  parentPhone: { name: 'DienThoaiPhuHuynh', id: 'DienThoaiPhuHuynh', maxLength: limits.phone.max },
  fatherName: { name: 'HoTenCha', id: 'HoTenCha', maxLength: limits.fullName.max },
  motherName: { name: 'HoTenMe', id: 'HoTenMe', maxLength: limits.fullName.max },
  address: { name: 'DiaChi', id: 'DiaChi', maxLength: 200 },
};
