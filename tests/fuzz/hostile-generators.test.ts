import { readFileSync } from 'node:fs';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildZip,
  crc32Repeated,
  deflatePieces,
  hostileFile,
  removeHostileFiles,
} from '../helpers/hostile-files';

// The hostile files must be what they claim — valid archives whose streams inflate to the sizes
// and CRCs their headers declare — so that a refusal in tests/cli/hostile-inputs.test.ts is the
// limit at work, not a reader rejecting a file the generator broke.

afterAll(() => removeHostileFiles());

interface DirectoryEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function directory(bytes: Buffer): DirectoryEntry[] {
  const end = bytes.lastIndexOf(Buffer.of(0x50, 0x4b, 0x05, 0x06));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry as a stream (never the whole output in memory): its size and CRC. */
async function inflatedSizeAndCrc(
  bytes: Buffer,
  entry: DirectoryEntry,
): Promise<{ size: number; crc: number }> {
  const dataAt =
    entry.offset + 30 + bytes.readUInt16LE(entry.offset + 26) + bytes.readUInt16LE(entry.offset + 28);
  const inflate = createInflateRaw();
  let size = 0;
  let crc = 0;
  inflate.on('data', (chunk: Buffer) => {
    size += chunk.length;
    crc = crc32(chunk, crc);
  });
  const done = new Promise<void>((resolve, reject) => inflate.on('end', resolve).on('error', reject));
  inflate.end(bytes.subarray(dataAt, dataAt + entry.compressedSize));
  await done;
  return { size, crc };
}

describe('the hostile-file generators', () => {
  it('deflatePieces: pieces and repeats inflate back to their content, size and CRC', () => {
    const stream = deflatePieces([
      '<a>',
      { repeat: 'Nguyễn ', count: 5000 },
      { repeat: 'x', count: 3 },
      '</a>',
    ]);
    const content = `<a>${'Nguyễn '.repeat(5000)}xxx</a>`;
    const inflated = inflateRawSync(stream.data);
    expect(inflated.toString('utf8')).toBe(content);
    expect(stream.size).toBe(Buffer.byteLength(content));
    expect(stream.crc).toBe(crc32(Buffer.from(content)));
    expect(crc32Repeated(crc32(Buffer.from('ab')), 2, 7)).toBe(crc32(Buffer.from('ab'.repeat(7))));
  });

  it('buildZip writes an archive another reader opens, entries sharing data included', () => {
    const zip = buildZip(
      [
        { name: 'a.xml', content: '<a/>' },
        { name: 'b.bin', content: 'raw', stored: true },
      ],
      {
        'c.xml': 'a.xml',
      },
    );
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['a.xml', 'b.bin', 'c.xml']);
    expect(Buffer.from(files['c.xml']!).toString()).toBe('<a/>');
  });

  it('the 400 MB bomb is ~400 KB and its sheet inflates to the 400 MB and CRC it declares', async () => {
    const bytes = readFileSync(hostileFile('bomb400MB'));
    expect(bytes.length).toBeLessThan(450 * 1024);
    const sheet = directory(bytes).find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.size).toBeGreaterThan(400 * 1024 * 1024);
    expect(await inflatedSizeAndCrc(bytes, sheet)).toEqual({ size: sheet.size, crc: sheet.crc });
  }, 30_000);

  it('the 5 GB bomb is ~5 MB and declares more than 5 GB across its parts', () => {
    const bytes = readFileSync(hostileFile('bombGB'));
    expect(bytes.length).toBeLessThan(6 * 1024 * 1024);
    const total = directory(bytes).reduce((sum, entry) => sum + entry.size, 0);
    expect(total).toBeGreaterThan(5 * 1000 ** 3);
  });

  it('twenty sheet entries share one local header; the small one is otherwise a valid workbook', () => {
    for (const kind of ['sharedStream', 'sharedStreamSmall'] as const) {
      const sheets = directory(readFileSync(hostileFile(kind))).filter((entry) =>
        entry.name.includes('worksheets/'),
      );
      expect(sheets).toHaveLength(20);
      expect(new Set(sheets.map((entry) => entry.offset)).size).toBe(1);
    }
    const files = unzipSync(readFileSync(hostileFile('sharedStreamSmall')));
    expect(Buffer.from(files['xl/worksheets/sheet20.xml']!).toString()).toContain('Họ và tên');
  });

  it('the row-4,000,000,000 sheet is a few KB and holds that row', () => {
    const bytes = readFileSync(hostileFile('hugeRowNumber'));
    expect(bytes.length).toBeLessThan(8 * 1024);
    expect(Buffer.from(unzipSync(bytes)['xl/worksheets/sheet1.xml']!).toString()).toContain(
      '<row r="4000000000">',
    );
  });
});
