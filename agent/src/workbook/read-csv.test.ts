import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputLimits } from '@edulens/shared/limits';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCsv } from './read-csv';

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
    const cp1258 = line
      .normalize('NFD')
      .replace(/[A-Za-z][\u0302\u0306\u031b]/g, (pair) => pair.normalize('NFC'));
    const csv = await loadCsv(await written('ansi.csv', iconv.encode(cp1258, 'windows1258')));
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
});
