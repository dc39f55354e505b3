import iconv from 'iconv-lite';

/**
 * Text as Vietnamese Windows ("ANSI", code page 1258) saves it: â ê ô ă ơ ư đ are single bytes,
 * but tone marks are separate combining characters, so toned letters must be decomposed first.
 */
export function encodeWindows1258(text: string): Buffer {
  const decomposed = text
    .normalize('NFD')
    .replace(/[A-Za-z][\u0302\u0306\u031b]/g, (letterWithShape) => letterWithShape.normalize('NFC'));
  return iconv.encode(decomposed, 'windows1258');
}
