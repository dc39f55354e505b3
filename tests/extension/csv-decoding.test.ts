import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeTcvn3 } from '@edulens/shared/text';
import { inputLimits } from '@edulens/shared/limits';
import { decodeTextFile, type GridSheet, parseDelimited } from '@edulens/shared/sheets';
import { describe, expect, it, vi } from 'vitest';
import { loadCsv } from '../../agent/src/workbook/read-csv';

vi.mock('../../extension/lib/i18n', () => ({
  t: (key: string, name: string) => `${key}:${name}`,
  currentLang: () => 'vi',
}));
vi.mock('../../extension/lib/messages', () => ({ sendToBackground: vi.fn() }));
// Imported by a path tsc does not follow: the module's i18n types come from WXT's generated
// declarations, which this test project does not load (the module is mocked around anyway).
const sourcesModule = new URL('../../extension/features/bulk-fill/sources.ts', import.meta.url).pathname;
const { fileSheets, pastedSheets } = (await import(sourcesModule)) as {
  fileSheets(file: File): Promise<unknown>;
  pastedSheets(text: string): unknown;
};

const line = 'Họ và tên;Điểm\r\nNguyễn Thị Thuỷ;8,5\r\n';
const latin1 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from([...s], (c) => c.charCodeAt(0));
const files: Record<string, Uint8Array<ArrayBuffer>> = {
  'UTF-8 with BOM': Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(line)]),
  'UTF-16': Uint8Array.from([
    0xff,
    0xfe,
    ...[...line].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
  ]),
  // "Hà Nội" in Windows-1258: ộ is ô + a combining dot below.
  'Windows-1258': Uint8Array.from([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69, 0x3b, 0x38, 0x0d, 0x0a]),
  'TCVN3 saved as ANSI': latin1(
    `Ho va ten\r\n${encodeTcvn3('Nguyễn Thị Thuỷ')}\r\n${encodeTcvn3('Trần Văn Đức')}\r\n`,
  ),
};

/** The rows check and convert read from these bytes, through the agent's CSV loader. */
async function agentRows(bytes: Uint8Array): Promise<unknown> {
  const file = join(await mkdtemp(join(tmpdir(), 'edulens-csv-decoding-')), 'diem.csv');
  await writeFile(file, bytes);
  return (await loadCsv(file))?.sheets[0].rows;
}

describe('one CSV decoder for edulens check, convert and the bulk fill', () => {
  it.each(Object.entries(files))(
    '%s reads the same in the bulk fill as in check and convert',
    async (_, bytes) => {
      const decoded = decodeTextFile(bytes);
      expect(decoded).toBeDefined();
      expect(await agentRows(bytes)).toEqual(parseDelimited(decoded!.text));
      const result = await fileSheets(new File([bytes], 'diem.csv'));
      expect(result).toEqual({
        ok: true,
        sheets: [{ name: 'diem.csv', rows: parseDelimited(decoded!.text), merges: [] }],
      });
    },
  );

  it('the bulk fill refuses a binary file named .csv, as check and convert do', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expect(agentRows(png)).rejects.toThrow('not a valid .xlsx/.csv spreadsheet');
    expect(await fileSheets(new File([png], 'anh.csv'))).toEqual({
      ok: false,
      message: 'bulkFill_fileUnreadable:anh.csv',
    });
  });

  it('a UTF-8 file with a stray byte keeps its names and says which line held it', async () => {
    const encode = (text: string) => [...new TextEncoder().encode(text)];
    // The stray byte sits in a column of its own on line 2, so every name stays whole.
    const stray = Uint8Array.from([
      ...encode('Họ và tên;Điểm;Ghi chú\r\nNguyễn Văn An;8;'),
      0xff,
      ...encode('\r\nTrần Thị Bình;7;\r\n'),
    ]);
    const result = (await fileSheets(new File([stray], 'diem.csv'))) as {
      ok: true;
      sheets: GridSheet[];
      notice: string;
    };
    expect(result.ok).toBe(true);
    expect(result.sheets[0]!.rows.map((row) => row[0])).toEqual([
      'Họ và tên',
      'Nguyễn Văn An',
      'Trần Thị Bình',
    ]);
    expect(result.notice).toMatch(/^dòng 2: 1 byte không hợp lệ theo UTF-8/);
  });

  it('the bulk fill refuses, naming the limit, what check and convert refuse', async () => {
    const tooManyCells = 'a\n'.repeat(inputLimits.cells + 1);
    const pasted = pastedSheets(tooManyCells) as { ok: false; message: string };
    expect(pasted.ok).toBe(false);
    expect(pasted.message).toContain('vượt giới hạn số ô');
    const csv = (await fileSheets(new File([tooManyCells], 'lon.csv'))) as { ok: false; message: string };
    expect(csv).toEqual({
      ok: false,
      message: pasted.message.replace('bulkFill_pastedData:undefined', 'lon.csv'),
    });
    const big = new File([new Uint8Array(inputLimits.fileBytes + 1)], 'to.xlsx');
    expect(await fileSheets(big)).toEqual({
      ok: false,
      message: 'Không đọc được tệp "to.xlsx": vượt giới hạn kích thước tệp (32 MB).',
    });
  });
});
