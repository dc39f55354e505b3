import {
  ENCODINGS,
  isAscii,
  type LegacyEncoding,
  repairText,
  UNICODE_VIETNAMESE,
  WORD_SEPARATORS,
  wordScore,
} from './detect';
import { isTcvn3Letter } from './tcvn3';

// A file typed in TCVN3 or VNI is legacy text as a whole: a short cell that reads as Vietnamese
// both ways ("Ghi chó" is "Ghi chú" in TCVN3) is decided by the cell's font, else by the cells
// around it, instead of being left as it stands. Words of other languages and technical text
// (units, signs, e-mail addresses, URLs) are never decoded.

/** What a text says about itself. */
export type TextReading =
  /** Nothing to decide: ASCII, foreign words and signs, or no legacy reading changes it. */
  | { kind: 'plain' }
  /** Unicode: letters only Unicode has, or Vietnamese words without a Vietnamese legacy reading. */
  | { kind: 'unicode' }
  /** Clearly legacy text (`repairText` decodes it). */
  | { kind: 'legacy'; from: LegacyEncoding; text: string }
  /** Reads as Vietnamese both as it stands and decoded: the file decides. */
  | { kind: 'ambiguous'; readings: { from: LegacyEncoding; text: string }[] };

/** How a piece of text was decided: by itself, by its legacy font, or by the cells around it. */
export type DecidedBy = 'text' | 'font' | 'context';

export interface TextPiece {
  text: string;
  /** Cells of one column of one sheet share this key (e.g. "sheet\u0000C"). */
  column: string;
  sheet: string;
  /** The encoding the piece's font draws (.VnTime → tcvn3, VNI-Times → vni), if any. */
  font?: LegacyEncoding;
}

export interface PieceDecision {
  text: string;
  from: LegacyEncoding | null;
  by: DecidedBy;
}

// Splitting with a capture group keeps the separators, so that words can be kept one by one.
const WORD_PARTS = new RegExp(`(${WORD_SEPARATORS.source})`, 'u');
const EMAIL_OR_URL = /^[^\s@]+@[^\s@]+\.[^\s@]+$|^(?:https?|ftp):\/\/|^www\./i;
// Signs a lone character is more likely to be than a legacy letter, and units (µm, µg, °C).
const SIGN = /^[µ°©®±½¼¾¹²³¢£¥]$/u;
const UNIT = /^(?:µ(?:m|g|l|L|s|A|F|V|W|H|mol)|°[CFK]?)$/;
// Bytes TCVN3 leaves unassigned, as Latin-1 characters: text holding one was not typed in TCVN3.
const TCVN3_UNASSIGNED = /[\u00a1-\u00ff]/;

/**
 * True for a word that decoding must leave alone: digits, units, a foreign word, or a lone sign
 * (in a legacy font a lone µ was drawn as the letter à, ¹ as ạ, and is one).
 */
function keepsWord(raw: string, decoded: string, from: LegacyEncoding, inFont: boolean): boolean {
  if (/\d/.test(raw) || UNIT.test(raw) || (!inFont && SIGN.test(raw))) return true;
  // A word that decodes to no standard Vietnamese syllable and shows none of the encoding's marks is a
  // word of another language (Müller, niño, Café), whatever its font.
  return !ENCODINGS[from].signature.test(raw) && wordScore(decoded) < 2;
}

/**
 * `s` decoded from `from`, except for words of other languages and technical text: e-mail
 * addresses and URLs (whole space-separated tokens), numbers with units, and, unless the text is
 * in a legacy font (`inFont`), lone signs.
 */
export function decodeLegacy(
  s: string,
  from: LegacyEncoding,
  inFont = false,
  decoded = ENCODINGS[from].decode(s),
): string {
  if (decoded === s) return s;
  const rawTokens = s.split(/(\s+)/);
  const decodedTokens = decoded.split(/(\s+)/);
  if (rawTokens.length !== decodedTokens.length) return decoded;
  return rawTokens
    .map((rawToken, t) => {
      const decodedToken = decodedTokens[t] ?? '';
      if (rawToken === decodedToken) return rawToken;
      if (EMAIL_OR_URL.test(rawToken)) return rawToken;
      const rawWords = rawToken.split(WORD_PARTS);
      const decodedWords = decodedToken.split(WORD_PARTS);
      if (rawWords.length !== decodedWords.length) return decodedToken;
      return rawWords
        .map((raw, i) => {
          const word = decodedWords[i] ?? '';
          return raw !== word && keepsWord(raw, word, from, inFont) ? raw : word;
        })
        .join('');
    })
    .join('');
}

/**
 * True when every word `from` changes reads, decoded, as a Vietnamese (or minority) syllable at
 * least as well as it does as it stands: the decoded reading is as good as the text's own.
 */
function readsAsVietnamese(raw: string, decoded: string, from: LegacyEncoding): boolean {
  if (from === 'tcvn3' && [...raw].some((c) => TCVN3_UNASSIGNED.test(c) && !isTcvn3Letter(c))) return false;
  const rawWords = raw.split(WORD_SEPARATORS);
  const decodedWords = decoded.split(WORD_SEPARATORS);
  if (rawWords.length !== decodedWords.length) return false;
  return rawWords.every((word, i) => {
    const score = wordScore(decodedWords[i] ?? '');
    return word === decodedWords[i] || (score > 0 && score >= wordScore(word));
  });
}

/** What `s` says about its own encoding, without looking at its font or neighbours. */
export function readText(s: string): TextReading {
  if (isAscii(s)) return { kind: 'plain' };
  if (UNICODE_VIETNAMESE.test(s)) return { kind: 'unicode' };
  const repaired = repairText(s);
  if (repaired.from !== null) {
    const text = decodeLegacy(s, repaired.from, false, repaired.text);
    return text === s ? { kind: 'plain' } : { kind: 'legacy', from: repaired.from, text };
  }
  const readings = (Object.keys(ENCODINGS) as LegacyEncoding[]).flatMap((from) => {
    const text = decodeLegacy(s, from);
    return text !== s && readsAsVietnamese(s, text, from) ? [{ from, text }] : [];
  });
  if (readings.length > 0) return { kind: 'ambiguous', readings };
  // Only Vietnamese says a file is Unicode: foreign words, units and signs say nothing.
  const vietnameseWord = s.split(WORD_SEPARATORS).some((word) => !isAscii(word) && wordScore(word) === 2);
  return vietnameseWord ? { kind: 'unicode' } : { kind: 'plain' };
}

type Votes = Record<LegacyEncoding | 'unicode', number>;

function votesOf(tally: Map<string, Votes>, key: string): Votes {
  let votes = tally.get(key);
  if (!votes) {
    votes = { tcvn3: 0, vni: 0, unicode: 0 };
    tally.set(key, votes);
  }
  return votes;
}

/** The majority of decided cells, or undefined on a tie (then the next wider context decides). */
function majority(votes: Votes | undefined): LegacyEncoding | 'unicode' | undefined {
  if (!votes) return undefined;
  const legacy = votes.tcvn3 + votes.vni;
  if (legacy === votes.unicode) return undefined;
  if (legacy < votes.unicode) return 'unicode';
  return votes.tcvn3 >= votes.vni ? 'tcvn3' : 'vni';
}

/**
 * Decides every piece of text of a workbook (or sheet) at once. A piece in a legacy font is
 * decoded from that font's encoding unless it holds letters only Unicode has; any other piece is
 * decided by its own text when that is clear, and otherwise, when it reads both ways, by the
 * majority of decided pieces in its column, else its sheet, else the whole input.
 */
export function decideLegacyText(pieces: readonly TextPiece[]): PieceDecision[] {
  const known = new Map<string, TextReading>();
  const readingOf = (s: string): TextReading => {
    let reading = known.get(s);
    if (!reading) {
      reading = readText(s);
      known.set(s, reading);
    }
    return reading;
  };
  const first: (PieceDecision | { ambiguous: { from: LegacyEncoding; text: string }[] })[] = [];
  const columns = new Map<string, Votes>();
  const sheets = new Map<string, Votes>();
  const all: Votes = { tcvn3: 0, vni: 0, unicode: 0 };
  const castVote = (piece: TextPiece, choice: keyof Votes): void => {
    votesOf(columns, piece.column)[choice]++;
    votesOf(sheets, piece.sheet)[choice]++;
    all[choice]++;
  };
  for (const piece of pieces) {
    const reading = readingOf(piece.text);
    const keep: PieceDecision = { text: piece.text, from: null, by: 'text' };
    // In a legacy font, text without letters only Unicode has was typed in that font.
    if (piece.font && !isAscii(piece.text) && !UNICODE_VIETNAMESE.test(piece.text)) {
      const text = decodeLegacy(piece.text, piece.font, true);
      if (text !== piece.text) {
        const by = reading.kind === 'legacy' && reading.from === piece.font ? 'text' : 'font';
        first.push({ text, from: piece.font, by });
        castVote(piece, piece.font);
        continue;
      }
    }
    switch (reading.kind) {
      case 'plain':
        first.push(keep);
        break;
      case 'unicode':
        first.push(keep);
        castVote(piece, 'unicode');
        break;
      case 'legacy':
        first.push({ text: reading.text, from: reading.from, by: 'text' });
        castVote(piece, reading.from);
        break;
      case 'ambiguous':
        first.push({ ambiguous: reading.readings });
    }
  }
  return first.map((decision, i) => {
    if (!('ambiguous' in decision)) return decision;
    const piece = pieces[i]!;
    const choice = majority(columns.get(piece.column)) ?? majority(sheets.get(piece.sheet)) ?? majority(all);
    const reading = decision.ambiguous.find((candidate) => candidate.from === choice);
    return reading
      ? { text: reading.text, from: reading.from, by: 'context' }
      : { text: piece.text, from: null, by: choice === undefined ? 'text' : 'context' };
  });
}
