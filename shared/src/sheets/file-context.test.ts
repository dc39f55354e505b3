import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni } from '../text/index';
import { clipboardGrid } from './clipboard';
import { contextMismatches, type FileContext, fileContextOf, type PageContext } from './file-context';
import { fillSourceFromSheet, fillSourceFromWorkbook } from './fill-source';
import type { CellValue, GridSheet } from './grid';
import type { ScoreBlock } from './score-blocks';

const header: CellValue[] = ['STT', 'Mã HS', 'Họ và tên', 'ĐĐGtx 1', 'ĐĐGgk', 'ĐĐGck'];
const students: CellValue[][] = [
  [1, '6300000001', 'Nguyễn Văn An', 8, 7, 9],
  [2, '6300000002', 'Trần Thị Hoà', 9, 6, 8],
];

/** A grade sheet: title rows (a string is one cell; an array several), a blank row, the header, students. */
function gradeSheet(titles: (string | CellValue[])[], name = 'Sheet1', rows = students): GridSheet {
  return {
    name,
    rows: [...titles.map((title) => (typeof title === 'string' ? [title] : title)), [], header, ...rows],
    merges: [],
  };
}

/** The context fillSourceFromSheet finds (title rows, sheet name, the block taken). */
function contextOf(sheet: GridSheet, page: PageContext = {}): FileContext {
  const result = fillSourceFromSheet(sheet, page);
  if (!result.ok) throw new Error(result.reason.en);
  return result.source.context;
}

function block(subject: string): ScoreBlock {
  return {
    subject,
    columns: { tx: [3], gk: [4], ck: [5] },
    evaluations: { test: [], level: [], comment: [], retakeTest: [], retakeLevel: [] },
    average: undefined,
  };
}

const page7A2: PageContext = {
  class: '7A2',
  grade: '7',
  subject: 'Toán',
  term: '1',
  schoolYear: '2025-2026',
};

describe('fileContextOf: title rows above the header', () => {
  it('reads one title naming subject, class and term ("BẢNG ĐIỂM MÔN TOÁN – LỚP 6A1 – HỌC KỲ I")', () => {
    expect(
      contextOf(gradeSheet(['TRƯỜNG THCS NGUYỄN DU', 'BẢNG ĐIỂM MÔN TOÁN – LỚP 6A1 – HỌC KỲ I'])),
    ).toEqual({
      class: 'LỚP 6A1',
      grade: '6',
      subject: 'MÔN TOÁN',
      term: 'HỌC KỲ I',
    });
  });

  it('reads one fact per title row ("LỚP 7A1", "MÔN TIN HỌC", "HỌC KỲ II", "NĂM HỌC 2025-2026", "Khối 7")', () => {
    expect(
      contextOf(gradeSheet(['LỚP 7A1', 'MÔN TIN HỌC', 'HỌC KỲ II', 'NĂM HỌC 2025-2026', 'Khối 7'])),
    ).toEqual({
      class: 'LỚP 7A1',
      grade: 'Khối 7',
      subject: 'MÔN TIN HỌC',
      term: 'HỌC KỲ II',
      schoolYear: 'NĂM HỌC 2025-2026',
    });
  });

  it("reads vnEdu's own export title (BẢNG ĐIỂM CHI TIẾT - MÔN <x> - HỌC KỲ <n> - NĂM HỌC <yyyy-yyyy>)", () => {
    const sheet = gradeSheet(
      ['SỞ GD&ĐT VĨNH LONG', 'BẢNG ĐIỂM CHI TIẾT - MÔN Ngữ văn - HỌC KỲ 1 - NĂM HỌC 2025-2026'],
      '6A1',
    );
    expect(contextOf(sheet)).toEqual({
      class: '6A1',
      grade: '6',
      subject: 'MÔN Ngữ văn',
      term: 'HỌC KỲ 1',
      schoolYear: 'NĂM HỌC 2025-2026',
    });
  });

  it('reads a TT27 primary title, whose subject stands between dashes ("SỔ ĐIỂM CHI TIẾT - Tiếng Việt - Học kỳ 2")', () => {
    expect(contextOf(gradeSheet(['SỔ ĐIỂM CHI TIẾT - Tiếng Việt - Học kỳ 2'], 'Lớp 2D'))).toEqual({
      class: 'Lớp 2D',
      grade: '2',
      subject: 'Tiếng Việt',
      term: 'Học kỳ 2',
    });
  });

  it('reads labels and values in cells side by side ("Môn học:" | "Tin học" | "Lớp:" | "7/3")', () => {
    const sheet = gradeSheet([
      ['Môn học:', 'Tin học', null, 'Lớp:', '7/3'],
      ['Học kỳ:', 2, 'Năm học:', '2025 - 2026'],
    ]);
    expect(contextOf(sheet)).toEqual({
      class: 'Lớp: 7/3',
      grade: '7',
      subject: 'Môn học: Tin học',
      term: 'Học kỳ: 2',
      schoolYear: 'Năm học: 2025 - 2026',
    });
  });

  it('reads NFD text in any case, "kì" for "kỳ", arabic or roman terms and ":" separators', () => {
    const title = 'bảng điểm môn: toán học: lớp 10a12: học kì 2: năm học 2025–2026'.normalize('NFD');
    const context = contextOf(gradeSheet([title]));
    expect(context).toEqual({
      class: 'lớp 10a12',
      grade: '10',
      subject: 'môn: toán học',
      term: 'học kì 2',
      schoolYear: 'năm học 2025–2026',
    });
    expect(contextOf(gradeSheet(['BẢNG ĐIỂM MÔN VẬT LÝ LỚP 12C1 HKII']))).toMatchObject({
      class: 'LỚP 12C1',
      subject: 'MÔN VẬT LÝ',
      term: 'HKII',
    });
  });

  it('reads titles typed in TCVN3 or VNI once the sheet is repaired', () => {
    for (const encode of [encodeTcvn3, encodeVni]) {
      const sheet = gradeSheet([encode('Bảng điểm môn Tin học - Lớp 7a1 - Học kỳ II')]);
      expect(contextOf(sheet)).toEqual({
        class: 'Lớp 7a1',
        grade: '7',
        subject: 'môn Tin học',
        term: 'Học kỳ II',
      });
    }
  });

  it('takes "Cả năm" as the whole year and a school year written "2025-26"', () => {
    expect(contextOf(gradeSheet(['TỔNG KẾT CẢ NĂM', 'Năm học 2025-26']))).toEqual({
      term: 'CẢ NĂM',
      schoolYear: 'Năm học 2025-26',
    });
  });

  it('takes no context from a school named after a date, a signature date, a teacher or a department', () => {
    const sheet = gradeSheet([
      'TRƯỜNG THCS 2/9',
      'Ngày 20 tháng 12 năm 2025',
      'Giáo viên bộ môn: Nguyễn Văn Toán',
      'Tổ: Toán - Tin',
      'Điểm trung bình các môn',
      'Cập nhật 2025-12-20',
    ]);
    expect(contextOf(sheet)).toEqual({});
  });

  it('stops the words after "MÔN" at the next fact when no separator does ("MÔN NGỮ VĂN LỚP 6A1 HỌC KỲ I")', () => {
    expect(contextOf(gradeSheet(['BẢNG ĐIỂM MÔN NGỮ VĂN LỚP 6A1 HỌC KỲ I NĂM HỌC 2025-2026']))).toEqual({
      class: 'LỚP 6A1',
      grade: '6',
      subject: 'MÔN NGỮ VĂN',
      term: 'HỌC KỲ I',
      schoolYear: 'NĂM HỌC 2025-2026',
    });
  });

  it('reads the first 30 rows above the header only, and texts up to 300 characters', () => {
    const rows: CellValue[][] = Array.from({ length: 40 }, () => []);
    rows[2] = ['MÔN TOÁN'];
    rows[31] = ['LỚP 7A1'];
    rows[3] = [`${'x'.repeat(300)} LỚP 8A1`];
    rows[4] = [`${'Ghi chú '.repeat(40)}`, 'HỌC KỲ II'];
    rows[40] = header;
    const sheet: GridSheet = { name: 'Sheet1', rows, merges: [] };
    expect(fileContextOf(sheet, { top: 40 }, undefined)).toEqual({ subject: 'MÔN TOÁN', term: 'HỌC KỲ II' });
  });

  it('never reads the header or the rows under it, and without a header only the sheet name', () => {
    const sheet = gradeSheet(['MÔN TOÁN'], 'Sheet1', [
      [1, '6300000001', 'LỚP 8B2 - MÔN TIN HỌC', 8, 7, 9],
      [2, '', 'HỌC KỲ II NĂM HỌC 2019-2020', 'Khối 9', 'Tiếng Anh', null],
    ]);
    expect(fileContextOf(sheet, { top: 2 }, undefined)).toEqual({ subject: 'MÔN TOÁN' });
    expect(fileContextOf(sheet, undefined, undefined)).toEqual({});
    expect(fileContextOf({ ...sheet, name: 'Lớp 7A1' }, undefined, undefined)).toEqual({
      class: 'Lớp 7A1',
      grade: '7',
    });
  });
});

describe('fileContextOf: the sheet name', () => {
  it.each([
    ['7A1', { class: '7A1', grade: '7' }],
    ['Lớp 7A1', { class: 'Lớp 7A1', grade: '7' }],
    ['7A1 - Toán', { class: '7A1', grade: '7', subject: 'Toán' }],
    ['Toán 7A1', { class: '7A1', grade: '7', subject: 'Toán' }],
    ['10A12_HK2', { class: '10A12', grade: '10', term: 'HK2' }],
    ['Sheet1', {}],
    ['HK1', { term: 'HK1' }],
    ['2025', {}],
  ])('reads "%s"', (name, expected) => {
    expect(fileContextOf({ name, rows: [], merges: [] }, { top: 0 }, undefined)).toEqual(expected);
  });

  it('trusts a title row over the sheet name', () => {
    expect(contextOf(gradeSheet(['LỚP 7A2'], '7A1 - Toán'))).toEqual({
      class: 'LỚP 7A2',
      grade: '7',
      subject: 'Toán',
    });
  });
});

describe('fileContextOf: the group over the score block', () => {
  it('takes a known subject over the block, before the title and the sheet name', () => {
    const sheet = gradeSheet(['BẢNG ĐIỂM MÔN TOÁN'], 'Toán');
    expect(fileContextOf(sheet, { top: 2 }, block('Tin học'))).toEqual({ subject: 'Tin học' });
  });

  it('takes a semester over the block as its term, and the subject over a semester', () => {
    expect(fileContextOf(gradeSheet([]), { top: 0 }, block('Học kỳ II'))).toEqual({ term: 'Học kỳ II' });
    expect(fileContextOf(gradeSheet([]), { top: 0 }, block('Toán Học kỳ I'))).toEqual({
      subject: 'Toán',
      term: 'Học kỳ I',
    });
  });

  it('ignores a group that names no subject', () => {
    expect(fileContextOf(gradeSheet(['MÔN TOÁN']), { top: 2 }, block('Điểm đánh giá'))).toEqual({
      subject: 'MÔN TOÁN',
    });
  });
});

describe('contextMismatches', () => {
  it('reports only what both the file and the page say and disagree on', () => {
    expect(contextMismatches({}, page7A2)).toEqual([]);
    expect(contextMismatches({ class: 'LỚP 7A1', subject: 'MÔN TOÁN' }, {})).toEqual([]);
    expect(contextMismatches({ subject: 'MÔN TIN HỌC' }, { class: '7A2' })).toEqual([]);
  });

  it('names both sides exactly, Vietnamese first (class)', () => {
    expect(contextMismatches({ class: 'LỚP 7A1', grade: '7' }, page7A2)).toEqual([
      {
        field: 'class',
        file: 'LỚP 7A1',
        page: '7A2',
        message: {
          vi: 'Tệp ghi LỚP 7A1, trang đang mở là lớp 7A2',
          en: 'The file says class 7A1; the page shows class 7A2',
        },
      },
    ]);
  });

  it('names both sides for subject, term, school year and grade', () => {
    const file = {
      subject: 'MÔN TIN HỌC',
      term: 'Học kì 2',
      schoolYear: 'NĂM HỌC 2024-2025',
      grade: 'Khối 8',
    };
    expect(
      contextMismatches(file, page7A2).map(({ field, message }) => [field, message.vi, message.en]),
    ).toEqual([
      ['grade', 'Tệp ghi Khối 8, trang đang mở là khối 7', 'The file says grade 8; the page shows grade 7'],
      [
        'subject',
        'Tệp ghi MÔN TIN HỌC, trang đang mở là môn Toán',
        'The file says subject TIN HỌC; the page shows subject Toán',
      ],
      ['term', 'Tệp ghi Học kì 2, trang đang mở là học kỳ 1', 'The file says term 2; the page shows term 1'],
      [
        'schoolYear',
        'Tệp ghi NĂM HỌC 2024-2025, trang đang mở là năm học 2025-2026',
        'The file says school year 2024-2025; the page shows school year 2025-2026',
      ],
    ]);
  });

  it('compares classes by folded text: NFC/NFD, case, spaces, the "Lớp" label, 7/3 = 7-3', () => {
    const same = (file: string, page: string) =>
      contextMismatches({ class: file }, { class: page }).length === 0;
    expect(same('LỚP 7A1', '7a1')).toBe(true);
    expect(same('Lớp: 7A1'.normalize('NFD'), 'Lớp 7A1')).toBe(true);
    expect(same('7 A 1', '7A1')).toBe(true);
    expect(same('Lớp 7/3', '7-3')).toBe(true);
    expect(same('LỚP 7A1', '7A2')).toBe(false);
    expect(same('7A1', '7A10')).toBe(false);
    expect(same('10A1', '1A1')).toBe(false);
  });

  it('tells the grade once: another class of another grade is one mismatch, a stated grade another', () => {
    expect(contextMismatches({ class: 'LỚP 8A1', grade: '8' }, page7A2).map((m) => m.field)).toEqual([
      'class',
    ]);
    expect(contextMismatches({ grade: 'Khối 8' }, { class: '7A2' }).map((m) => m.message.vi)).toEqual([
      'Tệp ghi Khối 8, trang đang mở là khối 7',
    ]);
    expect(contextMismatches({ class: '7A2', grade: 'Khối 7' }, page7A2)).toEqual([]);
  });

  it('compares subjects by name where one names the other, and known subjects by identity', () => {
    const same = (file: string, page: string) =>
      contextMismatches({ subject: file }, { subject: page }).length === 0;
    expect(same('MÔN TOÁN', 'Toán')).toBe(true);
    expect(same('Toán học', 'Toán')).toBe(true);
    expect(same('môn ngữ văn'.normalize('NFD'), 'Ngữ văn')).toBe(true);
    expect(same('KHTN', 'Khoa học tự nhiên')).toBe(true);
    expect(same('Mỹ thuật', 'Mĩ thuật')).toBe(true);
    expect(same('Vật lý', 'Vật lí')).toBe(true);
    expect(same('Hoá học', 'Hóa học')).toBe(true);
    expect(same('GDKT&PL', 'Giáo dục kinh tế và pháp luật')).toBe(true);
    expect(same('LS&ĐL', 'Lịch sử và Địa lí')).toBe(true);
    expect(same('Lịch sử', 'Lịch sử và Địa lí')).toBe(true);
    expect(same('Ngoại ngữ 1', 'Tiếng Anh')).toBe(true);
    expect(same('Ngoại ngữ 1 - Tiếng Anh', 'Tiếng Anh')).toBe(true);
    expect(same('Hoạt động trải nghiệm', 'Hoạt động trải nghiệm, hướng nghiệp')).toBe(true);
    expect(same('Toán - Đại số', 'Toán')).toBe(true);
    expect(same('Tin học', 'Toán')).toBe(false);
    expect(same('Toán', 'Tin học')).toBe(false);
    expect(same('Khoa học', 'Khoa học tự nhiên')).toBe(false);
    expect(same('Tiếng Việt', 'Tiếng Anh')).toBe(false);
    expect(same('Tiếng Pháp', 'Tiếng Anh')).toBe(false);
    expect(same('Giáo dục công dân', 'Giáo dục thể chất')).toBe(false);
    expect(same('Sinh học', 'Hóa học')).toBe(false);
  });

  it('compares terms by number: HỌC KỲ I = HK1 = 1 = Học kỳ 1; "Cả năm"/"CN" agrees with either', () => {
    const same = (file: string, page: string) =>
      contextMismatches({ term: file }, { term: page }).length === 0;
    for (const file of ['HỌC KỲ I', 'HK1', 'HKI', 'học kì 1', 'Giữa học kỳ I', '1']) {
      expect(same(file, '1')).toBe(true);
      expect(same(file, 'Học kỳ I')).toBe(true);
      expect(same(file, 'HK II')).toBe(false);
    }
    expect(same('Cả năm', '1')).toBe(true);
    expect(same('Cả năm', 'Học kỳ II')).toBe(true);
    expect(same('HỌC KỲ II', 'CN')).toBe(true);
    expect(same('HỌC KỲ II', 'Học kỳ 2')).toBe(true);
    // A term the page names in words this module does not know is no evidence either way.
    expect(same('HỌC KỲ II', 'Giữa kỳ')).toBe(true);
  });

  it('compares school years by their first calendar year', () => {
    const same = (file: string, page: string) =>
      contextMismatches({ schoolYear: file }, { schoolYear: page }).length === 0;
    expect(same('NĂM HỌC 2025-2026', '2025-2026')).toBe(true);
    expect(same('2025 - 2026', '2025-2026')).toBe(true);
    expect(same('Năm học 2025', '2025 - 2026')).toBe(true);
    expect(same('2025-26', '2025-2026')).toBe(true);
    expect(same('2024-2025', '2025-2026')).toBe(false);
  });
});

/** "STT" and "Họ và tên" over the two header rows of a two-row header. */
const identityMerges = [
  { top: 0, left: 0, bottom: 1, right: 0 },
  { top: 0, left: 1, bottom: 1, right: 1 },
];

describe('fill sources carry their context', () => {
  it('fillSourceFromSheet reads the repaired title, the sheet name and the block it took', () => {
    const sheet: GridSheet = {
      name: 'Tổng hợp 7A1',
      rows: [
        [encodeTcvn3('Bảng điểm học kỳ I - năm học 2025-2026')],
        ['STT', 'Họ và tên', 'Tin học', null, null, 'Toán', null, null],
        [null, null, 'TX1', 'GK', 'CK', 'TX1', 'GK', 'CK'],
        [1, 'Nguyễn Văn An', 8, 7, 6, 5, 6, 7],
      ],
      merges: [
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 1, right: 7 },
      ],
    };
    expect(contextOf(sheet, { subject: 'Toán' })).toEqual({
      class: '7A1',
      grade: '7',
      subject: 'Toán',
      term: 'học kỳ I',
      schoolYear: 'năm học 2025-2026',
    });
    expect(contextOf(sheet, { subject: 'Tin học' }).subject).toBe('Tin học');
  });

  it('a headerless pasted block says nothing about itself', () => {
    const pasted = clipboardGrid(
      '1\t6300000001\tNguyễn Văn An\t8,5\t7\tLớp 8B - Môn Tin học\n2\t6300000002\tTrần Thị Hoà\t9\t10\tHọc kỳ II\n',
    );
    expect(contextOf(pasted)).toEqual({});
  });

  it("prefers the sheet titled with the page's class when the sheet names do not say it", () => {
    const sheets = [
      gradeSheet(['LỚP 7A1 - MÔN TOÁN'], 'Sheet1'),
      gradeSheet(['LỚP 7A2 - MÔN TOÁN'], 'Sheet2'),
    ];
    for (const workbook of [sheets, [...sheets].reverse()]) {
      const found = fillSourceFromWorkbook(workbook, { class: '7A2', subject: 'Toán' });
      expect(found.ok && found.source.context.class).toBe('LỚP 7A2');
    }
    // A sheet named after the class still loses to one whose title says so when it says another.
    const misnamed = [gradeSheet(['LỚP 7A1'], '7A2'), gradeSheet(['LỚP 7A2'], 'Điểm')];
    const found = fillSourceFromWorkbook(misnamed, { class: '7A2' });
    expect(found.ok && found.source.sheet).toBe('Điểm');
  });

  it("takes the block of the page's subject ('Toán' over 'Tin học'), by alias too", () => {
    const sheet: GridSheet = {
      name: '7A2',
      rows: [
        ['STT', 'Họ và tên', 'Tin học', null, null, 'Toán', null, null, 'KHTN', null, null],
        [null, null, 'TX1', 'GK', 'CK', 'TX1', 'GK', 'CK', 'TX1', 'GK', 'CK'],
        [1, 'Nguyễn Văn An', 8, 7, 6, 5, 6, 7, 4, 4, 4],
      ],
      merges: [
        ...identityMerges,
        { top: 0, left: 2, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 0, right: 7 },
        { top: 0, left: 8, bottom: 0, right: 10 },
      ],
    };
    const math = fillSourceFromWorkbook([sheet], { class: '7A2', subject: 'Toán' });
    expect(math.ok && [math.source.subject, math.source.rows[0]?.values]).toEqual(['Toán', ['5', '6', '7']]);
    expect(math.ok && contextMismatches(math.source.context, page7A2)).toEqual([]);
    const science = fillSourceFromSheet(sheet, { subject: 'Khoa học tự nhiên' });
    expect(science.ok && science.source.subject).toBe('KHTN');
  });

  it("takes the page's term block and the sheet of the page's school year", () => {
    const sheet: GridSheet = {
      name: '7A2',
      rows: [
        ['STT', 'Họ và tên', 'Học kỳ I', null, null, 'Học kỳ II', null, null],
        [null, null, 'TX1', 'GK', 'CK', 'TX1', 'GK', 'CK'],
        [1, 'Nguyễn Văn An', 8, 7, 6, 5, 6, 7],
      ],
      merges: [
        ...identityMerges,
        { top: 0, left: 2, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 0, right: 7 },
      ],
    };
    const second = fillSourceFromSheet(sheet, { term: '2' });
    expect(second.ok && [second.source.context.term, second.source.rows[0]?.values]).toEqual([
      'Học kỳ II',
      ['5', '6', '7'],
    ]);
    const years = [gradeSheet(['NĂM HỌC 2024-2025'], 'Cũ'), gradeSheet(['NĂM HỌC 2025-2026'], 'Mới')];
    const found = fillSourceFromWorkbook(years, { schoolYear: '2025-2026' });
    expect(found.ok && found.source.sheet).toBe('Mới');
  });
});

// ---- Properties

const upperLetters = 'ABCDEGHKMNPQT';
const classArb = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom(...upperLetters),
      fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    )
    .map(([grade, letter, number]) => `${grade}${letter}${number ?? ''}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 15 })).map(([g, n]) => `${g}/${n}`),
);

/** Spellings of one subject; the groups are different subjects, none a part of another. */
const SUBJECT_SPELLINGS: readonly (readonly string[])[] = [
  ['Toán', 'Toán học'],
  ['Ngữ văn', 'Văn'],
  ['Tiếng Việt'],
  ['Tiếng Anh', 'Ngoại ngữ 1 - Tiếng Anh'],
  ['Khoa học tự nhiên', 'KHTN'],
  ['Lịch sử và Địa lí', 'Lịch sử và Địa lý', 'LS&ĐL'],
  ['Giáo dục công dân', 'GDCD'],
  ['Công nghệ'],
  ['Tin học'],
  ['Giáo dục thể chất', 'GDTC'],
  ['Âm nhạc'],
  ['Mĩ thuật', 'Mỹ thuật'],
  ['Hoạt động trải nghiệm, hướng nghiệp', 'Hoạt động trải nghiệm'],
  ['Khoa học'],
  ['Đạo đức'],
  ['Tự nhiên và Xã hội'],
  ['Giáo dục kinh tế và pháp luật', 'GDKT&PL'],
  ['Giáo dục quốc phòng và an ninh', 'GDQP&AN'],
];

interface Spelling {
  upper: boolean | undefined;
  nfd: boolean;
  ki: boolean;
  roman: boolean;
  sep: string;
  termWord: 'HỌC KỲ' | 'HK';
  yearSep: string;
}

const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  upper: fc.option(fc.boolean(), { nil: undefined }),
  nfd: fc.boolean(),
  ki: fc.boolean(),
  roman: fc.boolean(),
  sep: fc.constantFrom(' – ', ' - ', ': ', ' — ', ' '),
  termWord: fc.constantFrom('HỌC KỲ' as const, 'HK' as const),
  yearSep: fc.constantFrom('-', ' - ', '–'),
});

interface Context {
  cls: string;
  subject: number;
  term: 1 | 2;
  year: number;
}

const contextArb: fc.Arbitrary<Context> = fc.record({
  cls: classArb,
  subject: fc.nat({ max: SUBJECT_SPELLINGS.length - 1 }),
  term: fc.constantFrom(1 as const, 2 as const),
  year: fc.integer({ min: 2018, max: 2030 }),
});

function spelled(text: string, s: Spelling): string {
  let out = s.ki ? text.replace(/kỳ/g, 'kì').replace(/KỲ/g, 'KÌ') : text;
  if (s.upper === true) out = out.toUpperCase();
  if (s.upper === false) out = out.toLowerCase();
  return s.nfd ? out.normalize('NFD') : out;
}

/** Title rows for a context, in one of five layouts schools and vnEdu use. */
function titlesFor(
  x: Context,
  subjectName: string,
  s: Spelling,
  layout: number,
): { titles: (string | CellValue[])[]; name: string } {
  const term = s.roman ? (x.term === 1 ? 'I' : 'II') : String(x.term);
  const termText = `${s.termWord}${s.termWord === 'HK' ? '' : ' '}${term}`;
  const year = `${x.year}${s.yearSep}${x.year + 1}`;
  const sp = (text: string) => spelled(text, s);
  switch (layout) {
    case 0:
      return {
        titles: [
          sp(`BẢNG ĐIỂM MÔN ${subjectName}${s.sep}LỚP ${x.cls}${s.sep}${termText}${s.sep}NĂM HỌC ${year}`),
        ],
        name: 'Sheet1',
      };
    case 1:
      return {
        titles: [sp(`BẢNG ĐIỂM CHI TIẾT - MÔN ${subjectName} - ${termText} - NĂM HỌC ${year}`)],
        name: x.cls,
      };
    case 2:
      return {
        titles: [`LỚP ${x.cls}`, `MÔN ${subjectName}`, termText, `NĂM HỌC ${year}`].map(sp),
        name: 'Điểm',
      };
    case 3:
      return {
        titles: [sp(`SỔ ĐIỂM CHI TIẾT - ${subjectName} - ${termText}`), sp(`Năm học: ${year}`)],
        name: `Lớp ${x.cls}`,
      };
    default:
      return {
        titles: [
          ['Môn học:', sp(subjectName), null, 'Lớp:', sp(x.cls)].map((c) =>
            typeof c === 'string' ? sp(c) : c,
          ),
          [sp('Học kỳ:'), sp(term), sp('Năm học:'), sp(year)],
        ],
        name: 'Sheet1',
      };
  }
}

const pageSpellingArb = fc.record({
  cls: fc.constantFrom('as is', 'lower', 'Lớp'),
  term: fc.constantFrom('digit', 'Học kỳ', 'HK', 'học kì'),
  year: fc.constantFrom('range', 'spaced', 'first'),
  subject: fc.nat(),
});

interface PageSpelling {
  cls: string;
  term: string;
  year: string;
  subject: number;
}

function pageFor(x: Context, spelling: PageSpelling): PageContext {
  const names = SUBJECT_SPELLINGS[x.subject]!;
  const cls =
    spelling.cls === 'lower' ? x.cls.toLowerCase() : spelling.cls === 'Lớp' ? `Lớp ${x.cls}` : x.cls;
  const roman = x.term === 1 ? 'I' : 'II';
  const term =
    spelling.term === 'digit'
      ? String(x.term)
      : spelling.term === 'Học kỳ'
        ? `Học kỳ ${roman}`
        : spelling.term === 'HK'
          ? `HK ${roman}`
          : `học kì ${x.term}`;
  const schoolYear =
    spelling.year === 'range'
      ? `${x.year}-${x.year + 1}`
      : spelling.year === 'spaced'
        ? `${x.year} - ${x.year + 1}`
        : String(x.year);
  return {
    class: cls,
    grade: /^[0-9]+/.exec(x.cls)![0],
    subject: names[spelling.subject % names.length]!,
    term,
    schoolYear,
  };
}

interface FileMade {
  x: Context;
  spelling: Spelling;
  layout: number;
  subjectSpelling: number;
}

const fileArb: fc.Arbitrary<FileMade> = fc.record({
  x: contextArb,
  spelling: spellingArb,
  layout: fc.nat({ max: 4 }),
  subjectSpelling: fc.nat(),
});

function fileSheet({ x, spelling, layout, subjectSpelling }: FileMade, rows = students): GridSheet {
  const names = SUBJECT_SPELLINGS[x.subject]!;
  const { titles, name } = titlesFor(x, names[subjectSpelling % names.length]!, spelling, layout);
  return gradeSheet(titles, name, rows);
}

describe('properties', () => {
  it('a file made for a class, subject, term and year agrees with that page however both spell it', () => {
    fc.assert(
      fc.property(fileArb, pageSpellingArb, (file, pageSpelling) => {
        const context = contextOf(fileSheet(file));
        expect(Object.keys(context).sort()).toEqual(['class', 'grade', 'schoolYear', 'subject', 'term']);
        expect(contextMismatches(context, pageFor(file.x, pageSpelling))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the same file on the page of another class or another subject gives exactly that mismatch', () => {
    const otherArb = fc.record({ cls: classArb, subject: fc.nat({ max: SUBJECT_SPELLINGS.length - 1 }) });
    fc.assert(
      fc.property(fileArb, pageSpellingArb, otherArb, (file, pageSpelling, other) => {
        const context = contextOf(fileSheet(file));
        const page = pageFor(file.x, pageSpelling);
        if (other.cls.toLowerCase() !== file.x.cls.toLowerCase()) {
          const otherClass = pageFor({ ...file.x, cls: other.cls }, pageSpelling);
          const found = contextMismatches(context, {
            ...page,
            class: otherClass.class,
            grade: otherClass.grade,
          });
          expect(found.map((m) => m.field)).toEqual(['class']);
          expect(found[0]!.message.vi).toContain(otherClass.class!);
        }
        if (other.subject !== file.x.subject) {
          const otherSubject = SUBJECT_SPELLINGS[other.subject]![0]!;
          const found = contextMismatches(context, { ...page, subject: otherSubject });
          expect(found.map((m) => m.field)).toEqual(['subject']);
          expect(found[0]!.message.vi).toMatch(
            new RegExp(`^Tệp ghi .+, trang đang mở là môn ${otherSubject}$`),
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it('student rows saying a class, subject, term or year never change the file context', () => {
    const noise = fc.constantFrom<CellValue>(
      'LỚP 8B2',
      'Lớp: 9A1',
      'MÔN TIN HỌC',
      'Môn học: Tiếng Anh',
      'Toán',
      'Ngữ văn - Học kỳ II',
      'HỌC KỲ II',
      'HK1',
      'Cả năm',
      'NĂM HỌC 2019-2020',
      'Khối 9',
      '7/3',
      'SỔ ĐIỂM CHI TIẾT - Tiếng Việt - Học kỳ 2',
      null,
      8.5,
    );
    const studentRow = fc
      .tuple(fc.nat({ max: 99 }), noise, noise, noise, noise)
      .map(([n, a, b, c, d]): CellValue[] => [n + 1, `63000000${n}`, a ?? `Học sinh ${n}`, b, c, d]);
    fc.assert(
      fc.property(fileArb, fc.array(studentRow, { maxLength: 8 }), (file, rows) => {
        const plain = fillSourceFromSheet(fileSheet(file));
        const noisy = fillSourceFromSheet(
          fileSheet(file, [...students, ...rows, [], [null, null, 'Lớp 12C1']]),
        );
        if (!plain.ok || !noisy.ok) throw new Error('no source');
        expect(noisy.source.headerRows).toEqual(plain.source.headerRows);
        expect(noisy.source.context).toEqual(plain.source.context);
        // A pasted block has no title rows: what its cells say is never its context.
        const pasted = fillSourceFromSheet({ name: 'clipboard', rows: [...students, ...rows], merges: [] });
        if (pasted.ok) expect(pasted.source.context).toEqual({});
      }),
      { numRuns: 300 },
    );
  });
});
