/**
 * Raw DEFLATE decompression, given by the caller: node:zlib's inflateRawSync in the agent, a
 * DecompressionStream in the browser. Keeps this module free of any platform.
 */
export type InflateRaw = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeader: number;
}

const signatures = {
  endOfDirectory: 0x06054b50,
  zip64EndLocator: 0x07064b50,
  zip64End: 0x06064b50,
  directoryEntry: 0x02014b50,
  localHeader: 0x04034b50,
};
const stored = 0;
const deflated = 8;
/** End-of-directory record (22 bytes) plus the longest archive comment. */
const endSearch = 22 + 0xffff;

class DamagedZipError extends Error {
  constructor(detail: string) {
    super(`damaged zip: ${detail}`);
    this.name = 'DamagedZipError';
  }
}

/**
 * The files of a .zip archive (an .xlsx is one), found through its central directory and
 * inflated on demand. Enough of the format for office files: stored and deflated entries, zip64
 * sizes; no encryption, no multi-volume archives. Anything truncated or inconsistent throws.
 */
export class ZipArchive {
  /** Entry names in directory order, a leading "/" dropped; a name repeated later wins. */
  private readonly entries = new Map<string, ZipEntry>();

  private readonly view: DataView;
  private readonly utf8 = new TextDecoder('utf-8');

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflateRaw: InflateRaw,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = this.findEndOfDirectory();
    let count = this.u16(end + 10);
    let offset = this.u32(end + 16);
    if (count === 0xffff || offset === 0xffffffff) {
      const locator = end - 20;
      if (locator >= 0 && this.u32(locator) === signatures.zip64EndLocator) {
        const zip64End = this.u64(locator + 8);
        this.expect(zip64End, signatures.zip64End);
        count = this.u64(zip64End + 32);
        offset = this.u64(zip64End + 48);
      }
    }
    for (let i = 0; i < count; i++) offset = this.readDirectoryEntry(offset);
  }

  /** Names of the files (not folders) in the archive, in directory order. */
  names(): string[] {
    return [...this.entries.keys()].filter((name) => !name.endsWith('/'));
  }

  /** The inflated bytes of a file, or undefined when the archive has no such file. */
  async read(name: string): Promise<Uint8Array | undefined> {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const { localHeader, compressedSize, method } = entry;
    this.expect(localHeader, signatures.localHeader);
    const start = localHeader + 30 + this.u16(localHeader + 26) + this.u16(localHeader + 28);
    const end = start + compressedSize;
    if (end > this.bytes.length) throw new DamagedZipError(`${name} runs past the end`);
    const data = this.bytes.subarray(start, end);
    if (method === stored) return data;
    if (method === deflated) return this.inflateRaw(data);
    throw new DamagedZipError(`${name} uses compression method ${method}`);
  }

  /** The text of an XML part (UTF-8, byte-order mark dropped), or undefined when absent. */
  async readText(name: string): Promise<string | undefined> {
    const bytes = await this.read(name);
    // TextDecoder drops a UTF-8 byte-order mark itself.
    return bytes === undefined ? undefined : this.utf8.decode(bytes);
  }

  private findEndOfDirectory(): number {
    const last = this.bytes.length - 22;
    for (let at = last; at >= Math.max(0, last - endSearch); at--) {
      if (this.bytes[at] === 0x50 && this.u32(at) === signatures.endOfDirectory) return at;
    }
    throw new DamagedZipError('no central directory');
  }

  private readDirectoryEntry(at: number): number {
    this.expect(at, signatures.directoryEntry);
    const flags = this.u16(at + 8);
    if (flags & 1) throw new DamagedZipError('encrypted entry');
    const nameLength = this.u16(at + 28);
    const extraLength = this.u16(at + 30);
    const commentLength = this.u16(at + 32);
    const nameStart = at + 46;
    this.within(nameStart + nameLength + extraLength);
    const nameBytes = this.bytes.subarray(nameStart, nameStart + nameLength);
    const rawName = flags & 0x800 ? this.utf8.decode(nameBytes) : String.fromCharCode(...nameBytes);
    const entry: ZipEntry = {
      method: this.u16(at + 10),
      compressedSize: this.u32(at + 20),
      localHeader: this.u32(at + 42),
    };
    this.applyZip64Sizes(entry, this.u32(at + 24), nameStart + nameLength, extraLength);
    this.entries.set(rawName.startsWith('/') ? rawName.slice(1) : rawName, entry);
    return nameStart + nameLength + extraLength + commentLength;
  }

  /** A zip64 extra field holds, in order, whichever of the sizes and offset are 0xffffffff in the entry. */
  private applyZip64Sizes(entry: ZipEntry, size: number, extra: number, extraLength: number): void {
    const wide = 0xffffffff;
    if (size !== wide && entry.compressedSize !== wide && entry.localHeader !== wide) return;
    for (let at = extra; at + 4 <= extra + extraLength; at += 4 + this.u16(at + 2)) {
      if (this.u16(at) !== 0x0001) continue;
      let field = at + 4;
      if (size === wide) field += 8;
      if (entry.compressedSize === wide) {
        entry.compressedSize = this.u64(field);
        field += 8;
      }
      if (entry.localHeader === wide) entry.localHeader = this.u64(field);
      return;
    }
  }

  private expect(at: number, signature: number): void {
    if (this.u32(at) !== signature) throw new DamagedZipError(`bad record at ${at}`);
  }

  private within(end: number): void {
    if (end > this.bytes.length) throw new DamagedZipError('truncated');
  }

  private u16(at: number): number {
    this.within(at + 2);
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    this.within(at + 4);
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    this.within(at + 8);
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new DamagedZipError('size out of range');
    return Number(value);
  }
}
