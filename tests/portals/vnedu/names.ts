import type { Rng } from './prng';

// Student names as they appear in Đắk Nông class lists: mostly Kinh names, plus Ê Đê, M'Nông,
// Thái, H'Mông, Tày and Dao names, and some given names in the old tone placement (Hoà, Thuỷ).

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const moreFamilies = ['Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Đinh', 'Lương', 'Mai', 'Tạ', 'Cao'];
const maleMiddles = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hoàng', 'Gia', 'Thành', 'Hữu', 'Anh', 'Tuấn'];
const femaleMiddles = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Khánh', 'Bảo', 'Hoài', 'Thị Thanh', 'Phương'];
const maleGivens = [
  ...['An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hoà', 'Huy', 'Khang'],
  ...['Khoa', 'Kiên', 'Long', 'Lâm', 'Minh', 'Nam', 'Nghĩa', 'Phúc', 'Quân', 'Sơn', 'Tài'],
  ...['Thắng', 'Thịnh', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Vinh', 'Vũ', 'Khuê', 'Thuỵ'],
];
const femaleGivens = [
  ...['Anh', 'Ánh', 'Châu', 'Chi', 'Diệp', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hân', 'Hoa', 'Hương'],
  ...['Huyền', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Ngân', 'Ngọc', 'Nhi', 'Nhung', 'Oanh'],
  ...['Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Thuỷ', 'Thuý', 'Trang', 'Trâm', 'Uyên', 'Vy', 'Xuân', 'Yến'],
];

/** Whole names: the family-name-first rule does not hold for many of them (H'Hen Niê). */
const minorityNames: readonly string[] = [
  ...["H'Hen Niê", 'Y Bhin Mlô', "H'Lan Êban", 'Y Sơn Byă', "H'Nhi Kbuôr", 'Y Thắng Êban', "H'Duyên Ksơr"],
  ...["Điểu K'Lưm", 'Điểu Thị Nhung', "H'Ngọc Mlô", 'Y Jôn Niê', "K'Brơi", 'Thị Hiền'],
  ...['Lò Văn Pấng', 'Lò Thị Ín', 'Cầm Văn Nọi', 'Lường Thị Xuân', 'Quàng Văn Ón'],
  ...['Sùng A Páo', 'Giàng Thị Mỷ', 'Vàng A Sử', 'Thào Thị Mai', 'Lý A Chứ', 'Sùng Thị Dợ'],
  ...['Nông Văn Dền', 'Lục Thị Nhàn', 'Mã Thị Hoa', 'Triệu Văn Tòn', 'Bàn Thị Mây'],
];

/**
 * Names every fixture can rely on, all in the first class of the first school: the minority and
 * old-tone names from the brief, and two namesakes told apart only by their student codes.
 */
export const anchorNames: readonly string[] = [
  "H'Hen Niê",
  'Y Bhin Mlô',
  'Hoàng Thị Thuỷ',
  'Lò Văn Pấng',
  'Sùng A Páo',
  'Nguyễn Văn An',
  'Nguyễn Văn An',
];

export type NameGender = 'male' | 'female';

const randomFamily = (rng: Rng) => (rng.chance(0.8) ? rng.pick(families) : rng.pick(moreFamilies));

function kinhName(rng: Rng, family: string, gender: NameGender): string {
  return gender === 'male'
    ? `${family} ${rng.pick(maleMiddles)} ${rng.pick(maleGivens)}`
    : `${family} ${rng.pick(femaleMiddles)} ${rng.pick(femaleGivens)}`;
}

export function randomStudentName(rng: Rng): string {
  if (rng.chance(0.15)) return rng.pick(minorityNames);
  const family = randomFamily(rng);
  return kinhName(rng, family, rng.chance(0.5) ? 'male' : 'female');
}

/** A family-middle-given name of the stated gender (for records that must agree with it); `family` keeps a parent's. */
export function randomGenderedName(rng: Rng, gender: NameGender, family = randomFamily(rng)): string {
  return kinhName(rng, family, gender);
}

const collator = new Intl.Collator('vi');

/** Class lists are ordered by given name (the last word), then by the whole name. */
export function compareForClassList(a: string, b: string): number {
  const last = (name: string) => name.slice(name.lastIndexOf(' ') + 1);
  return collator.compare(last(a), last(b)) || collator.compare(a, b);
}
