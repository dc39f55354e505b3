/**
 * A pull scanner over the XML of one .xlsx part: start tags, end tags and text, nothing built
 * that the reader does not ask for. Comments, processing instructions, the doctype and CDATA
 * sections are skipped (exceljs, whose reading this mirrors, drops CDATA text as well). Text and
 * attribute values are decoded as an XML parser does: line ends normalised, entities and
 * character references replaced.
 */
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 0;
export type XmlToken = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;

const namedEntities = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);
// Every "&" must start a reference ending in ";", as a conforming parser insists.
const reference = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*)?(;)?/g;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function expandReference(match: string, body: string | undefined, semicolon: string | undefined): string {
  if (body === undefined || semicolon === undefined) throw new Error(`XML: stray "&" in "${match}"`);
  if (body.charCodeAt(0) === 0x23) {
    const hex = body.charCodeAt(1) === 0x78;
    const code = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (code > 0x10ffff) throw new Error(`XML: bad character reference ${match}`);
    return String.fromCodePoint(code);
  }
  const named = namedEntities.get(body);
  if (named === undefined) throw new Error(`XML: undefined entity ${match}`);
  return named;
}

function decodeEntities(text: string): string {
  return text.indexOf('&') < 0 ? text : text.replace(reference, expandReference);
}

/** Character data: CR LF and lone CR become LF before references are expanded. */
export function decodeText(raw: string): string {
  return decodeEntities(raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));
}

/** Attribute values: each line end or tab becomes one space before references are expanded. */
function decodeAttribute(raw: string): string {
  // Almost every value (A1, 3, s) has nothing to decode: checked without a regular expression.
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x26 || code === 0x09 || code === 0x0a || code === 0x0d) {
      return decodeEntities(raw.replace(/\r\n?|[\n\t]/g, ' '));
    }
  }
  return raw;
}

export class XmlScanner {
  /** Element name of the last start or end tag, prefix included ("c", "x14:id"). */
  name = '';
  /** The last start tag closed itself (`<c r="A1"/>`); no end tag follows for it. */
  selfClosing = false;
  private pos = 0;
  /** The last TEXT token. */
  private textStart = 0;
  private textEnd = 0;
  /** The attributes of the last start tag: name start, name end, value start, value end for each. */
  private bounds: number[] = [];
  private attributeCount = 0;

  constructor(private readonly xml: string) {}

  /** Moves to the next start tag, end tag or run of text and says which it is. */
  next(): XmlToken {
    const { xml } = this;
    for (;;) {
      const start = this.pos;
      if (start >= xml.length) return END;
      if (xml.charCodeAt(start) !== LT) {
        const lt = xml.indexOf('<', start);
        this.textStart = start;
        this.textEnd = lt < 0 ? xml.length : lt;
        this.pos = this.textEnd;
        return TEXT;
      }
      const second = xml.charCodeAt(start + 1);
      if (second === SLASH) {
        const gt = this.indexOrEnd('>', start);
        this.name = xml.slice(start + 2, gt).trim();
        this.pos = gt + 1;
        return CLOSE;
      }
      if (second === 0x3f) {
        this.pos = this.indexOrEnd('?>', start) + 2;
        continue;
      }
      if (second === 0x21) {
        this.skipDeclaration(start);
        continue;
      }
      return this.openTag(start);
    }
  }

  /** The decoded text of the last TEXT token. */
  text(): string {
    return decodeText(this.xml.slice(this.textStart, this.textEnd));
  }

  /** The decoded value of an attribute of the last start tag, undefined when it has none. */
  attr(wanted: string): string | undefined {
    const found: (string | undefined)[] = [undefined];
    this.attrs([wanted], found);
    return found[0];
  }

  /**
   * Several attributes of the last start tag at once: found[i] becomes the decoded value of
   * names[i], or undefined when the tag has no such attribute.
   */
  attrs(names: readonly string[], found: (string | undefined)[]): void {
    const { xml, bounds } = this;
    for (let i = 0; i < names.length; i++) found[i] = undefined;
    for (let a = 0; a < this.attributeCount * 4; a += 4) {
      const nameStart = bounds[a]!;
      const nameLength = bounds[a + 1]! - nameStart;
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        if (name.length !== nameLength) continue;
        let same = true;
        for (let k = 0; k < nameLength && same; k++)
          same = xml.charCodeAt(nameStart + k) === name.charCodeAt(k);
        if (same) {
          found[i] = decodeAttribute(xml.slice(bounds[a + 2], bounds[a + 3]));
          break;
        }
      }
    }
  }

  /** Reads a start tag: its name and where each attribute's name and value are. */
  private openTag(start: number): XmlToken {
    const { xml, bounds } = this;
    const end = xml.length;
    let at = start + 1;
    let code = xml.charCodeAt(at);
    while (at < end && code !== GT && code !== SLASH && !isSpace(code)) code = xml.charCodeAt(++at);
    this.name = xml.slice(start + 1, at);
    let count = 0;
    this.selfClosing = false;
    for (;;) {
      while (isSpace(code)) code = xml.charCodeAt(++at);
      if (at >= end) throw new Error('XML: unterminated start tag');
      if (code === GT) break;
      if (code === SLASH) {
        code = xml.charCodeAt(++at);
        this.selfClosing = code === GT;
        continue;
      }
      const nameStart = at;
      while (at < end && code !== EQUALS && code !== GT && !isSpace(code)) code = xml.charCodeAt(++at);
      const nameEnd = at;
      // Quoted values may hold ">" or "/"; a name without a value is not XML and is skipped.
      while (at < end && code !== QUOTE && code !== APOSTROPHE && code !== GT) code = xml.charCodeAt(++at);
      if (code === GT) break;
      const valueEnd = this.indexOrEnd(code === QUOTE ? '"' : "'", at + 1);
      bounds[count * 4] = nameStart;
      bounds[count * 4 + 1] = nameEnd;
      bounds[count * 4 + 2] = at + 1;
      bounds[count * 4 + 3] = valueEnd;
      count++;
      at = valueEnd + 1;
      code = xml.charCodeAt(at);
    }
    this.attributeCount = count;
    this.pos = at + 1;
    return OPEN;
  }

  private skipDeclaration(start: number): void {
    const { xml } = this;
    if (xml.startsWith('<!--', start)) this.pos = this.indexOrEnd('-->', start + 4) + 3;
    else if (xml.startsWith('<![CDATA[', start)) this.pos = this.indexOrEnd(']]>', start + 9) + 3;
    else {
      // <!DOCTYPE …> with an optional [internal subset], whose declarations may hold ">".
      const gt = this.indexOrEnd('>', start);
      const bracket = xml.indexOf('[', start);
      const subsetEnd = bracket >= 0 && bracket < gt ? this.indexOrEnd(']', bracket) : start;
      this.pos = this.indexOrEnd('>', subsetEnd) + 1;
    }
  }

  private indexOrEnd(search: string, from: number): number {
    const at = this.xml.indexOf(search, from);
    if (at < 0) throw new Error(`XML: unterminated markup (no "${search}")`);
    return at;
  }
}
