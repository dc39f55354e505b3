import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nfc } from './normalize';
import { decodeTcvn3, encodeTcvn3 } from './tcvn3';
import glibc from './tcvn3.glibc.fixture.json';
import { fullName, lowerCaseText, vietnameseCharacters } from './vietnamese.arbitraries';

const byteChar = (byte: number): string => String.fromCharCode(byte);

describe('decodeTcvn3', () => {
  it('decodes the classic example', () => {
    expect(decodeTcvn3('Hµ Néi')).toBe('Hà Nội');
  });

  it('decodes every toned vowel', () => {
    const tcvn3 = 'µ¸¶·¹ ¨»¾¼½Æ ©ÇÊÈÉË ÌÐÎÏÑ ªÒÕÓÔÖ ×ÝØÜÞ ßãáâä «åèæçé ¬êíëìî ïóñòô ­õøö÷ù úýûüþ';
    expect(decodeTcvn3(tcvn3)).toBe(
      'àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ',
    );
    expect(decodeTcvn3('¡¢£¤¥¦§ ®')).toBe('ĂÂÊÔƠƯĐ đ');
  });

  it('decodes the soft hyphen as ư', () => {
    expect(decodeTcvn3('Tr\u00adêng')).toBe('Trường');
    expect(decodeTcvn3('N\u00ad¬ng')).toBe('Nương');
  });

  it('decodes names and school text', () => {
    expect(decodeTcvn3('NguyÔn V¨n An')).toBe('Nguyễn Văn An');
    expect(decodeTcvn3('§Æng ThÞ Thuû')).toBe('Đặng Thị Thuỷ');
    expect(decodeTcvn3('Tr\u00adêng THCS Lª Quý §«n')).toBe('Trường THCS Lê Quý Đôn');
    expect(decodeTcvn3("H'Hen Niª, M'§r¾k")).toBe("H'Hen Niê, M'Đrắk");
  });

  it('restores capitals that VN3 cannot encode from the surrounding case', () => {
    expect(decodeTcvn3('NGUYÔN V¡N AN')).toBe('NGUYỄN VĂN AN');
    expect(decodeTcvn3('Hµ NéI')).toBe('HÀ NỘI');
    expect(decodeTcvn3('Lª ThÞ ¸nh')).toBe('Lê Thị Ánh');
    // A sentence keeps its lower-case words; a word alone stays lower case.
    expect(decodeTcvn3('T«i sèng ë Hµ Néi')).toBe('Tôi sống ở Hà Nội');
    expect(decodeTcvn3('¸nh')).toBe('ánh');
  });

  it('keeps what VN3 does not assign, in either the Latin-1 or the Windows-1252 form', () => {
    expect(decodeTcvn3('“Hµ Néi” – 30°C…')).toBe('“Hà Nội” – 30°C…');
    expect(decodeTcvn3('\u0080\u0093\u009f')).toBe('\u0080\u0093\u009f');
  });

  it('returns NFC', () => {
    expect(decodeTcvn3('Ho\u0300a')).toBe('Hòa');
  });
});

describe('encodeTcvn3', () => {
  it('encodes to the bytes VN3 fonts use', () => {
    expect(encodeTcvn3('Hà Nội')).toBe('Hµ Néi');
    expect(encodeTcvn3('Trường')).toBe('Tr\u00adêng');
    expect(encodeTcvn3('ĂÂÊÔƠƯĐ')).toBe('¡¢£¤¥¦§');
  });

  it('writes toned capitals as the lower-case byte, as .VnTimeH fonts expect', () => {
    expect(encodeTcvn3('NGUYỄN')).toBe('NGUYÔN');
    expect(encodeTcvn3('Ánh')).toBe('¸nh');
  });

  it('accepts decomposed input', () => {
    expect(encodeTcvn3('Nguye\u0302\u0303n')).toBe('NguyÔn');
  });
});

describe('TCVN3 round trip', () => {
  it('restores lower-case text exactly', () => {
    fc.assert(
      fc.property(lowerCaseText, (s) => {
        expect(decodeTcvn3(encodeTcvn3(s))).toBe(s);
      }),
    );
  });

  it('restores names in Title or UPPER case', () => {
    fc.assert(
      fc.property(fullName, (name) => {
        expect(decodeTcvn3(encodeTcvn3(name))).toBe(name);
      }),
    );
  });

  it('restores any Vietnamese text up to the case VN3 cannot hold', () => {
    fc.assert(
      fc.property(vietnameseCharacters, (s) => {
        expect(decodeTcvn3(encodeTcvn3(s)).toLowerCase()).toBe(nfc(s).toLowerCase());
      }),
    );
  });
});

describe('TCVN3 table against glibc (tcvn3.glibc.fixture.json, from tcvn3-table.gen.mjs)', () => {
  const bytes = Object.entries(glibc.bytes).map(([hex, text]) => {
    const byte = Number(hex);
    return { byte, raw: byteChar(byte), ours: decodeTcvn3(byteChar(byte)), glibc: nfc(text) };
  });
  const agreeing = bytes.filter(({ ours, glibc: theirs }) => ours === theirs);
  const differing = bytes.filter(({ ours, glibc: theirs }) => ours !== theirs);

  it('the fixture covers every byte', () => {
    expect(bytes.map(({ byte }) => byte)).toEqual(Array.from({ length: 256 }, (_, byte) => byte));
  });

  it('agrees with glibc on ASCII and on all 75 characters VN3 adds (67 lower-case, 7 capitals, nbsp)', () => {
    const added = agreeing.filter(({ byte }) => byte >= 0x80);
    expect(added).toHaveLength(75);
    expect(added.every(({ byte }) => byte >= 0xa0)).toBe(true);
    expect(agreeing.filter(({ byte }) => byte < 0x80).every(({ raw, ours }) => ours === raw)).toBe(true);
  });

  it('differs only where glibc reads VN1/VN2: toned capitals and combining tone marks, which we keep as they are', () => {
    expect(differing.every(({ raw, ours }) => ours === raw)).toBe(true);
    const combiningMarks = differing.filter(({ glibc: theirs }) => /^\p{M}$/u.test(theirs));
    const capitals = differing.filter(({ glibc: theirs }) => /^\p{Lu}$/u.test(theirs));
    expect(combiningMarks.map(({ byte }) => byte)).toEqual([0xb0, 0xb1, 0xb2, 0xb3, 0xb4]);
    // 12 among the C0 controls, all 32 of 0x80–0x9F, 16 in 0xA0–0xFF.
    expect(capitals).toHaveLength(12 + 32 + 16);
    expect(capitals.length + combiningMarks.length).toBe(differing.length);
  });
});
