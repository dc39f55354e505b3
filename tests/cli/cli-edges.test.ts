import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeClassWorkbook } from '../helpers/grade-workbook';
import { type CliResult, runCli, stackFrame } from '../helpers/run-cli';

// Issue 9, "a CLI that never surprises": one process test per rough edge a new user met.

let dir: string;
let classWorkbook: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edulens-cli-edges-'));
  classWorkbook = join(dir, 'bang-diem.xlsx');
  await writeClassWorkbook(classWorkbook);
});

/** A refusal: the exit code, nothing on stdout, one line on stderr, Vietnamese then English. */
function expectOneBilingualLine(result: CliResult, exitCode: number, vi: RegExp, en: RegExp): string {
  expect(result.code, result.stderr).toBe(exitCode);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(stackFrame);
  const lines = result.stderr.split('\n');
  expect(lines, result.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  const [viHalf = '', enHalf = ''] = lines[0]!.split(/ \/ (?=[A-Z])/);
  expect(viHalf).toMatch(vi);
  expect(enHalf).toMatch(en);
  // The Vietnamese half is Vietnamese: no system codes, no English sentence inside it.
  expect(viHalf).not.toMatch(/EISDIR|ENOENT|error:|Unknown|Missing|Cannot|must be/);
  return lines[0]!;
}

/** A zip holding `names` (empty files, stored): what a renamed .docx/.pptx/.zip looks like inside. */
function zipOf(names: readonly string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const bytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(Buffer.alloc(0)), 14);
    local.writeUInt16LE(bytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(bytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, bytes);
    centrals.push(central, bytes);
    offset += local.length + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An EduLens data folder with a database in it (`pair` creates one). */
async function dataFolder(name: string): Promise<string> {
  const home = join(dir, name);
  const paired = await runCli(['pair'], { EDULENS_HOME: home });
  expect(paired.code, paired.stderr).toBe(0);
  return home;
}

describe('edulens, a CLI that never surprises (issue 9)', () => {
  it('every usage error is one bilingual line, Vietnamese first, with "did you mean"', async () => {
    const [typo, option, missing, noValue, extra] = await Promise.all([
      runCli(['chek', classWorkbook]),
      runCli(['calendar', '--jsno']),
      runCli(['backup']),
      runCli(['calendar', '--profile']),
      runCli(['check', classWorkbook, 'thua.xlsx']),
    ]);
    expect(
      expectOneBilingualLine(typo, 2, /^Không có lệnh "chek" — có phải ý bạn là check\?/, /^Unknown command/),
    ).toContain('did you mean check?');
    expect(
      expectOneBilingualLine(
        option,
        2,
        /^Không có tùy chọn --jsno — có phải ý bạn là --json\?/,
        /^Unknown option/,
      ),
    ).toContain('edulens calendar --help');
    expect(
      expectOneBilingualLine(
        missing,
        2,
        /^Thiếu <file> \(tệp sao lưu sẽ ghi\): edulens backup/,
        /^Missing <file>/,
      ),
    ).toContain('(backup file to write)');
    expectOneBilingualLine(
      noValue,
      2,
      /^Tùy chọn --profile <id> cần một giá trị/,
      /^Option --profile <id> needs a value/,
    );
    expectOneBilingualLine(
      extra,
      2,
      /^Thừa đối số: "edulens check" nhận 1, không phải 2/,
      /^Too many arguments/,
    );
  });

  it('exit codes are 0 ok, 1 problems found, 2 usage error or unreadable input, for every command', async () => {
    const clean = join(dir, 'sach.csv');
    await writeFile(clean, 'STT,Họ và tên,TX1,GK,CK,ĐTBmhk\r\n1,Lê Văn An,8,8,8,8\r\n');
    const home = join(dir, 'exit-codes');
    const results = await Promise.all([
      runCli(['check', clean]),
      runCli(['check', classWorkbook]),
      runCli(['check', join(dir, 'khong-co.xlsx')]),
      runCli(['chek', clean]),
      runCli(['backup']),
      runCli(['restore', join(dir, 'khong-co.edulens')], { EDULENS_HOME: home }),
      runCli(['restore', clean], { EDULENS_HOME: home }),
      runCli(['calendar', '--at', 'mai']),
      runCli(['agent', '--port', 'tám'], { EDULENS_HOME: home }),
      runCli(['pair'], { EDULENS_HOME: home, EDULENS_TOKEN_TTL_DAYS: '0' }),
    ]);
    expect(results.map(({ code }) => code)).toEqual([0, 1, 2, 2, 2, 2, 2, 2, 2, 2]);
    for (const { stderr } of results) expect(stderr).not.toMatch(stackFrame);
  });

  it('convert -o out.csv writes a UTF-8 CSV with BOM, or refuses what a CSV cannot hold', async () => {
    const input = join(dir, 'mot-trang.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('6A');
    sheet.addRows([
      ['STT', 'Họ và tên', 'Ghi chú'],
      [1, text.encodeTcvn3('Đỗ Thị Hường'), 'chú ý, vắng'],
    ]);
    sheet.getCell('B2').font = { name: '.VnTime' };
    await workbook.xlsx.writeFile(input);
    const output = join(dir, 'mot-trang.csv');
    const [written, several, csvToXlsx] = await Promise.all([
      runCli(['convert', input, '-o', output]),
      runCli(['convert', classWorkbook, '-o', join(dir, 'nhieu-trang.csv')]),
      runCli(['convert', output.replace('.csv', '-nguon.csv'), '-o', join(dir, 'ra.xlsx')]),
    ]);
    expect(written.code, written.stderr).toBe(0);
    const bytes = await readFile(output);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes[3]).toBe('S'.charCodeAt(0)); // text, not the "PK" of a zip
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))).toBe(
      'STT,Họ và tên,Ghi chú\r\n1,Đỗ Thị Hường,"chú ý, vắng"\r\n',
    );
    expectOneBilingualLine(
      several,
      2,
      /^Bảng tính có 3 trang tính, tệp CSV nhieu-trang\.csv chỉ giữ được một/,
      /^The workbook has 3 sheets/,
    );
    // (The CSV source does not exist: the refusal names that, before any output is written.)
    expect(csvToXlsx.code).toBe(2);
    await writeFile(output.replace('.csv', '-nguon.csv'), 'a,b\r\n1,2\r\n');
    expectOneBilingualLine(
      await runCli(['convert', output.replace('.csv', '-nguon.csv'), '-o', join(dir, 'ra.xlsx')]),
      2,
      /^Tệp CSV chỉ ghi ra được CSV, không phải ra\.xlsx/,
      /^A CSV file can only be written as CSV/,
    );
    expect(await readdir(dir)).not.toContain('ra.xlsx');
  });

  it('a renamed .docx, .pptx or .zip is named for what it is', async () => {
    const files = {
      'bao-cao.xlsx': zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
      'trinh-chieu.xlsx': zipOf(['[Content_Types].xml', 'ppt/presentation.xml']),
      'nen.xlsx': zipOf(['diem/6A.xlsx', 'diem/6B.xlsx']),
    };
    await Promise.all(Object.entries(files).map(([name, bytes]) => writeFile(join(dir, name), bytes)));
    const [docx, pptx, zip, convertDocx] = await Promise.all([
      ...Object.keys(files).map((name) => runCli(['check', join(dir, name)])),
      runCli(['convert', join(dir, 'bao-cao.xlsx'), '-o', join(dir, 'bao-cao-unicode.xlsx')]),
    ]);
    expectOneBilingualLine(
      docx!,
      2,
      /^Không đọc được tệp bao-cao\.xlsx: đây là văn bản Word \(\.docx\)/,
      /Word document \(\.docx\)/,
    );
    expectOneBilingualLine(pptx!, 2, /PowerPoint \(\.pptx\)/, /PowerPoint presentation \(\.pptx\)/);
    expectOneBilingualLine(zip!, 2, /tệp nén \.zip/, /a \.zip archive/);
    expectOneBilingualLine(convertDocx!, 2, /văn bản Word \(\.docx\)/, /Word document/);
  });

  it('file-writing errors are one bilingual line: missing folder, a folder, an existing backup unless --force', async () => {
    const home = await dataFolder('ghi-tep');
    const existing = join(dir, 'sao-luu-cu.edulens');
    await writeFile(existing, 'bản cũ');
    const folder = join(dir, 'thu-muc.xlsx');
    await mkdir(folder);
    const [noFolder, isFolder, backupNoFolder, backupFolder, refused] = await Promise.all([
      runCli(['convert', classWorkbook, '-o', join(dir, 'khong-co', 'ra.xlsx')]),
      runCli(['convert', classWorkbook, '-o', folder]),
      runCli(['backup', join(dir, 'khong-co', 'sao-luu.edulens')], { EDULENS_HOME: home }),
      runCli(['backup', dir], { EDULENS_HOME: home }),
      runCli(['backup', existing], { EDULENS_HOME: home }),
    ]);
    expectOneBilingualLine(
      noFolder,
      2,
      /^Không ghi được tệp .*ra\.xlsx: thư mục .*khong-co không tồn tại$/,
      /^Cannot write .*: the folder .* does not exist$/,
    );
    expectOneBilingualLine(
      isFolder,
      2,
      /^Không ghi được tệp .*thu-muc\.xlsx: đây là một thư mục/,
      /it is a folder/,
    );
    expectOneBilingualLine(backupNoFolder, 2, /thư mục .*khong-co không tồn tại$/, /does not exist$/);
    expectOneBilingualLine(backupFolder, 2, /đây là một thư mục/, /it is a folder/);
    expectOneBilingualLine(
      refused,
      2,
      /^Không ghi được tệp .*sao-luu-cu\.edulens: tệp đã có; thêm --force để ghi đè$/,
      /add --force to overwrite it$/,
    );
    expect(await readFile(existing, 'utf8')).toBe('bản cũ');

    const forced = await runCli(['backup', existing, '--force'], { EDULENS_HOME: home });
    expect(forced.code, forced.stderr).toBe(0);
    expect((await readFile(existing)).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('EDULENS_PORT=abc names the value and the valid range', async () => {
    const home = join(dir, 'cong');
    const [env, option] = await Promise.all([
      runCli(['agent'], { EDULENS_HOME: home, EDULENS_PORT: 'abc' }),
      runCli(['agent', '--port', '70000'], { EDULENS_HOME: home }),
    ]);
    expectOneBilingualLine(
      env,
      2,
      /EDULENS_PORT="abc" phải là số nguyên từ 0 đến 65535/,
      /EDULENS_PORT="abc" must be a whole number from 0 to 65535/,
    );
    expectOneBilingualLine(
      option,
      2,
      /"70000" không hợp lệ: phải là số nguyên từ 0 đến 65535/,
      /"70000": must be a whole number from 0 to 65535/,
    );
  });

  it("check on a comment-only sheet (Đ/CĐ) counts its students and reports each one's result", async () => {
    const file = join(dir, 'the-duc.csv');
    await writeFile(
      file,
      'STT,Họ và tên,TX1,TX2,GK,CK\r\n1,Lê Văn An,Đ,Đ,Đ,Đ\r\n2,Trần Thị Bình,Đ,CĐ,Đ,Đ\r\n3,Võ Minh Khôi,Đ,,Đ,Đ\r\n',
    );
    const [tt22, tt26, json] = await Promise.all([
      runCli(['check', file]),
      runCli(['check', file, '--rulepack', 'tt26']),
      runCli(['check', file, '--rulepack', 'tt26', '--json']),
    ]);
    expect(tt22.code, tt22.stderr).toBe(0);
    expect(tt22.stdout).toContain('3 học sinh / 3 students');
    expect(tt22.stdout).toMatch(/Summary: .*3 students, 0 errors, 1 warning, 0 averages not computable/);
    // TT22: every assessment Đ; TT26 (TT58 Điều 12): at least 2/3 Đ, the end-of-semester one included.
    expect(tt22.stdout).toMatch(/Lê Văn An\s+Đ\n.*Trần Thị Bình\s+CĐ\n.*Võ Minh Khôi\s+—/);
    expect(tt26.stdout).toMatch(/Lê Văn An\s+Đ\n.*Trần Thị Bình\s+Đ\n.*Võ Minh Khôi\s+—/);
    const report = JSON.parse(json.stdout) as {
      rows: { name: string; average: number | null; comment?: { result: string | null } }[];
      summary: { students: number };
    };
    expect(report.summary.students).toBe(3);
    expect(report.rows.map(({ name, comment }) => [name, comment?.result])).toEqual([
      ['Lê Văn An', 'dat'],
      ['Trần Thị Bình', 'dat'],
      ['Võ Minh Khôi', null],
    ]);
  });

  it('calendar shows where its dates come from, that they are a plan to override, and fits 80 columns', async () => {
    const [narrow, wide] = await Promise.all([
      runCli(['calendar', '--at', '2026-12-24T10:00'], { COLUMNS: '80' }),
      runCli(['calendar', '--at', '2026-12-24T10:00'], { COLUMNS: '400' }),
    ]);
    expect(narrow.code).toBe(0);
    const tooWide = narrow.stdout.split('\n').filter((line) => [...line].length > 80);
    expect(tooWide).toEqual([]);
    for (const { stdout } of [narrow, wide]) {
      expect(stdout).toMatch(
        /Nguồn \/ Source: Kế hoạch số 1648\/SGDĐT-VP ngày 30\/9\/2019 của Sở GD&ĐT Vĩnh\s+Long/,
      );
      expect(stdout).toContain('Công văn số 346/SGD&ĐT-TCCB');
      const words = stdout.replace(/\s+/g, ' ');
      expect(words).toContain('không phải quy định chung: hãy ghi đè theo kế hoạch của tỉnh hoặc trường bạn');
      expect(words).toContain("not a national rule: override them with your own province's or school's plan");
    }
    // Narrow: one block per entry, the date line first and the title below it.
    expect(narrow.stdout).toMatch(
      /\n {2}00:00 31\/12\/2026 \(GMT\+7\) — Khóa sổ \/ Lock\n {4}Khóa SMAS: Báo cáo học kỳ I\n/,
    );
    // Wide: the table, one line per entry.
    expect(wide.stdout).toMatch(
      /00:00 31\/12\/2026 \(GMT\+7\)\s+Khóa sổ \/ Lock\s+Khóa SMAS: Báo cáo học kỳ I/,
    );
  });

  it('wording: "1 warning", "dòng tiêu đề", and the restore safety copy named in Vietnam time', async () => {
    const file = join(dir, 'mot-canh-bao.csv');
    await writeFile(file, 'STT,Họ và tên,TX1,TX2,GK,CK\r\n1,Lê Văn An,8,,8,8\r\n');
    const checked = await runCli(['check', file]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('dòng tiêu đề / header rows 1');
    expect(checked.stdout).toMatch(/Summary: .*1 student, 0 errors, 1 warning, 1 average not computable/);
    expect(checked.stdout).not.toMatch(/\b1 (warnings|students|errors)\b/);
    const oneColumn = join(dir, 'mot-cot-tx.csv');
    await writeFile(oneColumn, 'STT,Họ và tên,TX1,GK,CK\r\n1,Lê Văn An,8,8,8\r\n');
    expect((await runCli(['check', oneColumn])).stdout).toContain('/ 1 TX column, 1 required');

    const home = await dataFolder('khoi-phuc');
    const backup = join(dir, 'truoc-khoi-phuc.edulens');
    expect((await runCli(['backup', backup], { EDULENS_HOME: home })).code).toBe(0);
    const before = Date.now();
    const restored = await runCli(['restore', backup], { EDULENS_HOME: home });
    expect(restored.code, restored.stderr).toBe(0);
    const [, stamp = ''] = /before-restore-(\S+)\+07\.db/.exec(restored.stdout) ?? [];
    const [date = '', time = ''] = stamp.split('T');
    const named = Date.parse(`${date}T${time.replace(/-/g, ':')}+07:00`);
    expect(Math.abs(named - before), stamp).toBeLessThan(60_000);
    const copies = await readdir(join(home, 'safety-copies'));
    expect(copies.filter((name) => name.endsWith('.db'))).toEqual([`before-restore-${stamp}+07.db`]);
  });
});
