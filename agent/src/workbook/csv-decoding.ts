import { decodeTextFile, type TextEncoding } from '@edulens/shared/sheets';

export type { TextEncoding };

/**
 * Decodes a CSV/TXT file: the decoder shared with the extension's bulk fill (see
 * `decodeTextFile`), so that `check`, `convert` and bulk fill read one file the same way.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  return decodeTextFile(bytes);
}
