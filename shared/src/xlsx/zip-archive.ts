import { Inflate } from 'fflate';
import { InputLimitError, inputLimits } from '../limits';

/*
 * The parts of a .zip archive (an .xlsx is one), inflated on demand with fflate — the same code in
 * Node and in the extension's service worker. Only the central directory is read here (fflate's
 * unzip helpers hide the offsets and inflate without a bound); every inflation is counted as it
 * goes, so a bomb stops at the limit instead of filling memory first.
 */

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
  /** Where the compressed data starts, after the local header. */
  dataStart: number;
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
/**
 * Compressed bytes handed to the inflater at a time. DEFLATE expands at most ~1,032 times, so one
 * piece yields at most ~17 MB before the count below can stop it.
 */
const pieceBytes = 16 * 1024;

/** Damage, as opposed to a limit: the caller reports it as a damaged .xlsx. */
class DamagedZipError extends Error {
  constructor(detail: string) {
    super(`damaged zip: ${detail}`);
    this.name = 'DamagedZipError';
  }
}

/**
 * Stored and deflated entries, zip64 sizes; no encryption, no multi-volume archives. Refuses more
 * than `inputLimits.entries` parts and entries that share compressed data (one stream listed
 * under twenty names inflates twenty times); anything truncated or inconsistent throws.
 */
export class ZipArchive {
  /** Entry names in directory order, a leading "/" dropped; a name repeated later wins. */
  private readonly entries = new Map<string, ZipEntry>();
  /** Bytes inflated so far, across every part read. */
  private inflated = 0;

  private readonly view: DataView;
  private readonly utf8 = new TextDecoder('utf-8');

  constructor(private readonly bytes: Uint8Array) {
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
    if (count > inputLimits.entries) throw new InputLimitError('entries');
    const all: ZipEntry[] = [];
    for (let i = 0; i < count; i++) offset = this.readDirectoryEntry(offset, all);
    ZipArchive.refuseSharedData(all);
  }

  /** Names of the files (not folders) in the archive, in directory order. */
  names(): string[] {
    return [...this.entries.keys()].filter((name) => !name.endsWith('/'));
  }

  /**
   * The inflated bytes of a file, or undefined when the archive has no such file. Throws
   * InputLimitError past `entryBytes` for the part or `totalInflatedBytes` for all parts read.
   */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.size > inputLimits.entryBytes) throw new InputLimitError('entryBytes');
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === stored) {
      this.count(data.length, data.length);
      return data;
    }
    if (entry.method !== deflated)
      throw new DamagedZipError(`${name} uses compression method ${entry.method}`);
    const pieces: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((piece) => {
      size += piece.length;
      this.count(size, piece.length);
      pieces.push(piece);
    });
    try {
      for (let at = 0; at < data.length || at === 0; at += pieceBytes) {
        inflater.push(data.subarray(at, at + pieceBytes), at + pieceBytes >= data.length);
      }
    } catch (error) {
      if (error instanceof InputLimitError) throw error;
      throw new DamagedZipError(`${name}: ${(error as Error).message}`);
    }
    if (pieces.length === 1) return pieces[0];
    const whole = new Uint8Array(size);
    let at = 0;
    for (const piece of pieces) {
      whole.set(piece, at);
      at += piece.length;
    }
    return whole;
  }

  /** The text of an XML part (UTF-8, byte-order mark dropped), or undefined when absent. */
  readText(name: string): string | undefined {
    const bytes = this.read(name);
    // TextDecoder drops a UTF-8 byte-order mark itself.
    return bytes === undefined ? undefined : this.utf8.decode(bytes);
  }

  /** Inflates every part once and drops it: proves the whole archive within the limits. */
  readAll(): void {
    for (const name of this.entries.keys()) this.read(name);
  }

  private count(partBytes: number, added: number): void {
    if (partBytes > inputLimits.entryBytes) throw new InputLimitError('entryBytes');
    this.inflated += added;
    if (this.inflated > inputLimits.totalInflatedBytes) throw new InputLimitError('totalInflatedBytes');
  }

  /** Each entry's local header and data must lie apart from every other's. */
  private static refuseSharedData(entries: ZipEntry[]): void {
    const sorted = [...entries].sort((a, b) => a.localHeader - b.localHeader);
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!;
      if (previous.dataStart + previous.compressedSize > sorted[i]!.localHeader) {
        throw new DamagedZipError('entries share compressed data');
      }
    }
  }

  private findEndOfDirectory(): number {
    const last = this.bytes.length - 22;
    for (let at = last; at >= Math.max(0, last - endSearch); at--) {
      if (this.bytes[at] === 0x50 && this.u32(at) === signatures.endOfDirectory) return at;
    }
    throw new DamagedZipError('no central directory');
  }

  private readDirectoryEntry(at: number, all: ZipEntry[]): number {
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
      size: this.u32(at + 24),
      localHeader: this.u32(at + 42),
      dataStart: 0,
    };
    this.applyZip64Sizes(entry, nameStart + nameLength, extraLength);
    const local = entry.localHeader;
    this.expect(local, signatures.localHeader);
    entry.dataStart = local + 30 + this.u16(local + 26) + this.u16(local + 28);
    this.within(entry.dataStart + entry.compressedSize);
    all.push(entry);
    this.entries.set(rawName.startsWith('/') ? rawName.slice(1) : rawName, entry);
    return nameStart + nameLength + extraLength + commentLength;
  }

  /** A zip64 extra field holds, in order, whichever of the sizes and offset are 0xffffffff in the entry. */
  private applyZip64Sizes(entry: ZipEntry, extra: number, extraLength: number): void {
    const wide = 0xffffffff;
    if (entry.size !== wide && entry.compressedSize !== wide && entry.localHeader !== wide) return;
    for (let at = extra; at + 4 <= extra + extraLength; at += 4 + this.u16(at + 2)) {
      if (this.u16(at) !== 0x0001) continue;
      let field = at + 4;
      if (entry.size === wide) {
        entry.size = this.u64(field);
        field += 8;
      }
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
