import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputLimits } from '@edulens/shared/limits';
import * as sheets from '@edulens/shared/sheets';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCsv } from './read-csv';

const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Text as Windows-1258 holds it: each letter with its shape (â, ơ, …) then its tone as a combining mark. */
function windows1258(text: string): string {
  return [...text]
    .map((c) => {
      const parts = c.normalize('NFD');
      return parts.replace(toneMarks, '').normalize('NFC') + (parts.match(toneMarks) ?? []).join('');
    })
    .join('');
}

const line = 'Họ và tên,Điểm\r\nNguyễn Thị Thuỷ,"8,5"\r\n';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edulens-read-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function written(name: string, bytes: Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('loadCsv', () => {
  it('reads Windows-1258 written by an independent encoder (iconv-lite), its tones in NFC', async () => {
    const csv = await loadCsv(await written('ansi.csv', iconv.encode(windows1258(line), 'windows1258')));
    expect(csv?.encoding).toBe('windows-1258');
    expect(csv?.sheets[0].rows).toEqual([
      ['Họ và tên', 'Điểm'],
      ['Nguyễn Thị Thuỷ', '8,5'],
    ]);
    expect(csv?.invalidUtf8).toBeUndefined();
  });

  it('keeps a UTF-8 file with a stray byte UTF-8 and names the line of the byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${line}Trần Văn B`),
      Buffer.from([0xec]),
      Buffer.from('nh,7\r\n'),
    ]);
    const csv = await loadCsv(await written('stray.csv', bytes));
    expect(csv?.encoding).toBe('utf-8');
    expect(csv?.sheets[0].rows[1]).toEqual(['Nguyễn Thị Thuỷ', '8,5']);
    expect(csv?.sheets[0].rows[2]).toEqual(['Trần Văn B\ufffdnh', '7']);
    expect(csv?.invalidUtf8).toEqual({ bytes: 1, lines: 1, first: [{ line: 3, bytes: 1 }] });
  });

  it('leaves a workbook under a text name to the workbook reader', async () => {
    const file = await written('renamed.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]));
    expect(await loadCsv(file)).toBeUndefined();
  });

  it('refuses a file over the size limit at the limit, naming the limit', async () => {
    // Sparse: the file is just over the limit without writing 32 MB of data.
    const file = join(dir, 'huge.csv');
    const handle = await open(file, 'w');
    await handle.write('Họ và tên,Điểm\n');
    await handle.truncate(inputLimits.fileBytes + 1);
    await handle.close();
    await expect(loadCsv(file)).rejects.toMatchObject({
      text: { vi: 'Không đọc được tệp huge.csv: vượt giới hạn kích thước tệp (32 MB)' },
    });
  });

  it('reads a file exactly at the size limit', async () => {
    const file = join(dir, 'at-limit.csv');
    const body = Buffer.alloc(inputLimits.fileBytes, `Nguyễn Văn An${' '.repeat(4000)},8\n`);
    await writeFile(file, body);
    const csv = await loadCsv(file);
    expect(csv?.sheets[0].rows[1]).toEqual([`Nguyễn Văn An${' '.repeat(4000)}`, '8']);
  });

  it('refuses a cell over the character limit', async () => {
    const file = await written(
      'long-cell.csv',
      Buffer.from(`Họ và tên\n${'a'.repeat(inputLimits.cellCharacters + 1)}\n`),
    );
    await expect(loadCsv(file)).rejects.toMatchObject({
      text: { vi: 'Không đọc được tệp long-cell.csv: vượt giới hạn số ký tự trong một ô (32.767)' },
    });
  });

  it('decides like the rule on generated names: Windows-1258 as 1258, UTF-8 with a stray byte as UTF-8', () => {
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ'];
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const word = fc
      .array(fc.tuple(fc.constantFrom(...letters), fc.constantFrom(...tones)), { minLength: 1, maxLength: 7 })
      .map((pairs) =>
        pairs
          .map(([letter, tone]) => letter + tone)
          .join('')
          .normalize('NFC'),
      );
    const names = fc.array(
      fc.array(word, { minLength: 2, maxLength: 4 }).map((w) => w.join(' ')),
      {
        minLength: 1,
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(names, fc.nat(), (list, at) => {
        const csv = `Họ và tên\r\n${list.join('\r\n')}\r\n`;
        if (![...list.join('')].some((c) => c.charCodeAt(0) > 0x7f)) return;
        const ansi = sheets.decodeTextFile(iconv.encode(windows1258(csv), 'windows1258'));
        expect(ansi?.text).toBe(csv);
        expect(ansi?.encoding).toMatch(/^windows-125[28]$/);
        // One stray byte at a line break of the UTF-8 file.
        const breaks = [...csv.matchAll(/\r\n/g)].map((match) =>
          Buffer.byteLength(csv.slice(0, match.index)),
        );
        const cut = breaks[at % breaks.length]!;
        const utf8 = Buffer.from(csv);
        const stray = Buffer.concat([utf8.subarray(0, cut), Buffer.from([0xff]), utf8.subarray(cut)]);
        const decoded = sheets.decodeTextFile(stray);
        expect(decoded?.encoding).toBe('utf-8');
        expect(decoded?.text.replace('\ufffd', '')).toBe(csv);
        expect(decoded?.invalidUtf8?.bytes).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
