import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nfc } from './normalize';
import { fullName, vietnameseCharacters } from './vietnamese.arbitraries';
import { decodeVni, encodeVni } from './vni';

describe('decodeVni', () => {
  it.each([
    ['Nguyeãn Vaên Tuaán', 'Nguyễn Văn Tuấn'],
    ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
    ['Tieáng Vieät', 'Tiếng Việt'],
    ['ñöôøng Ñaø Laït', 'đường Đà Lạt'],
    ['Hoaø Thuûy Khoûe', 'Hoà Thủy Khỏe'],
    ['aêm aéc aèm aúm aüm aëc', 'ăm ắc ằm ẳm ẵm ặc'],
    ['aâ aá aà aå aã aä eâ eá oâ oä', 'â ấ ầ ẩ ẫ ậ ê ế ô ộ'],
    ['í ì æ ó ò yù yø yû yõ î', 'í ì ỉ ĩ ị ý ỳ ỷ ỹ ỵ'],
    ['ôù ôø ôû ôõ ôï öù öø öû öõ öï', 'ớ ờ ở ỡ ợ ứ ừ ử ữ ự'],
    ["H'Hen Nieâ, M'Ñraék", "H'Hen Niê, M'Đrắk"],
  ])('%s → %s', (vni, unicode) => {
    expect(decodeVni(vni)).toBe(unicode);
  });

  it('decodes capitals with their upper-case marks, and tolerates lower-case ones', () => {
    expect(decodeVni('NGUYEÃN VAÊN TUAÁN')).toBe('NGUYỄN VĂN TUẤN');
    expect(decodeVni('ÑÖÔØNG ÔÛ Í Ò Î')).toBe('ĐƯỜNG Ở Í Ị Ỵ');
    expect(decodeVni('AÙnh Aùnh')).toBe('Ánh Ánh');
  });

  it('leaves mark characters that follow no vowel as they are', () => {
    expect(decodeVni('Café Müller')).toBe('Café Müller');
  });
});

describe('encodeVni', () => {
  it('encodes base letter then mark', () => {
    expect(encodeVni('Nguyễn Văn Tuấn')).toBe('Nguyeãn Vaên Tuaán');
    expect(encodeVni('ĐƯỜNG đường')).toBe('ÑÖÔØNG ñöôøng');
    expect(encodeVni('ỉ ị ĩ ỵ ỷ')).toBe('æ ò ó î yû');
  });
});

describe('VNI round trip', () => {
  it('restores any Vietnamese text', () => {
    fc.assert(
      fc.property(vietnameseCharacters, (s) => {
        expect(decodeVni(encodeVni(s))).toBe(nfc(s));
      }),
    );
  });

  it('restores names', () => {
    fc.assert(
      fc.property(fullName, (name) => {
        expect(decodeVni(encodeVni(name))).toBe(name);
      }),
    );
  });
});
