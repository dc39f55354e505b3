const NUMBER = /^\d+(?:[.,]\d+)?$/;

/**
 * Whether a draft holds what a cell already shows. Portals tidy values on blur ("8,5" → "8.5",
 * "đ" → "Đ"), so numbers compare by value and texts without case or Unicode-form differences.
 */
export function sameValue(a: string, b: string): boolean {
  const x = a.trim().normalize('NFC');
  const y = b.trim().normalize('NFC');
  if (x === y) return true;
  // A blank and a value never match (a fill into empty cells asks this 540 times: no case folding).
  if (x === '' || y === '') return false;
  if (NUMBER.test(x) && NUMBER.test(y)) return Number(x.replace(',', '.')) === Number(y.replace(',', '.'));
  return x.toLocaleUpperCase('vi') === y.toLocaleUpperCase('vi');
}
