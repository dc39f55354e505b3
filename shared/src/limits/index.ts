import type { Message } from '../problem';

/*
 * Every limit EduLens puts on a file it reads, or on how much of a portal it reads, in one place.
 * The reader, the CLI, the extension's bulk fill and its record features all take them from here,
 * and docs/limits.md lists them for people. The values leave a school's real files (a class of
 * 60, a school of 3,000, a district's few hundred rows per sheet) far inside and stop a hostile
 * file long before it costs seconds or memory.
 */
export const inputLimits = {
  /** Bytes of a file read whole (.xlsx, or .csv read in chunks up to this). */
  fileBytes: 32 * 1024 * 1024,
  /** Bytes of one part of an .xlsx once inflated (a worksheet's XML, the shared strings). */
  entryBytes: 16 * 1024 * 1024,
  /** Bytes inflated from one .xlsx across all its parts. */
  totalInflatedBytes: 48 * 1024 * 1024,
  /** Parts (files) inside one .xlsx. */
  entries: 10_000,
  /** Worksheets in one workbook. */
  sheets: 256,
  /** Excel's own last row. */
  rows: 1_048_576,
  /** Excel's own last column, XFD. */
  columns: 16_384,
  /** Cells holding a value or covered by a merge (cut to the used range), across the whole workbook. */
  cells: 300_000,
  /**
   * Merged ranges across the whole workbook. A class sheet has a few dozen, a school's file a few
   * thousand; each is checked against the others for overlap (exceljs refuses overlaps).
   */
  merges: 20_000,
  /**
   * What `convert` may hand to exceljs, which builds an object for every row up to the last and
   * every cell, style-only ones and those under a merge or a data validation included (counted
   * by XlsxReading.exceljsCells). A whole school's homeroom workbook (40 class sheets of 38
   * students × 13 subjects, the bench's) counts 137,000 and converts in ~250 MB; the costliest
   * shape measured (1,000 rows × 79 cells) takes ~3 KB a count, ~480 MB at this limit.
   */
  convertCells: 160_000,
  /**
   * Merged ranges in one sheet that `convert` may hand to exceljs, which checks each new merge
   * against every other in its sheet: 20,000 in one sheet took 66 s. A class sheet has a few
   * dozen; a school's file of 40 class sheets ~2,000 in all, which is not one sheet's count.
   */
  convertMerges: 2_000,
  /**
   * Style records in styles.xml (cell formats, fonts, fills, borders, number formats). Excel
   * itself stops at 64,000 cell formats; even a file bloated by copied styles stays inside.
   */
  styles: 200_000,
  /** Characters in one cell: Excel's own limit. */
  cellCharacters: 32_767,
  /** Characters of one value quoted in a report before it is cut with "…". */
  quotedCharacters: 80,
  /** Characters of one column of a text report before it is cut with "…". */
  reportColumnCharacters: 40,
  /**
   * Student rows the record fill reads from one sheet: a whole school's export (3,000 students)
   * with room; every row is matched against the list and may open a form, one at a time.
   */
  recordRows: 5_000,
  /**
   * Characters of one value the record fill writes: the longest ministry field (an address, 200
   * in QĐ 4998) with room. A longer cell is a pasted paragraph, not a record's value.
   */
  recordValueCharacters: 250,
  /**
   * Pages of one record list the record features turn through (20 rows a page: a school's 6,000
   * students); a pager that never says it is on the last page stops here.
   */
  listPages: 300,
  /**
   * Records whose form documents one list reads in the background (completeness, the fill's
   * old values): a school's largest class is far below, and each read is a request to the portal.
   */
  listRecords: 500,
  /** Form documents read at the same time: the portal is the school's, not ours to load. */
  parallelReads: 3,
  /** Bytes of one record's form document: a larger answer is not a record form (an error page, a file). */
  formBytes: 2 * 1024 * 1024,
  /** Kinds of file (header signatures) whose column mapping is remembered; the oldest is forgotten. */
  savedMappings: 50,
} as const;

export type InputLimit = keyof typeof inputLimits;

/** What each limit is, in words, for the one-line refusal. */
const limitNames: Record<InputLimit, Message> = {
  fileBytes: { vi: 'kích thước tệp', en: 'file size' },
  entryBytes: {
    vi: 'kích thước một phần của tệp .xlsx khi giải nén',
    en: 'size of one .xlsx part when inflated',
  },
  totalInflatedBytes: {
    vi: 'tổng dung lượng giải nén của tệp .xlsx',
    en: 'total inflated size of the .xlsx',
  },
  entries: { vi: 'số phần bên trong tệp .xlsx', en: 'number of parts inside the .xlsx' },
  sheets: { vi: 'số trang tính', en: 'number of sheets' },
  rows: { vi: 'số dòng của Excel', en: "Excel's row count" },
  columns: { vi: 'số cột của Excel (đến XFD)', en: "Excel's column count (up to XFD)" },
  cells: { vi: 'số ô có dữ liệu hoặc thuộc vùng gộp', en: 'number of filled or merged cells' },
  merges: { vi: 'số vùng ô gộp', en: 'number of merged ranges' },
  convertCells: { vi: 'số dòng và ô lệnh convert nạp được', en: 'rows and cells convert can load' },
  convertMerges: {
    vi: 'số vùng ô gộp trong một trang tính lệnh convert nạp được',
    en: 'merged ranges in one sheet convert can load',
  },
  styles: { vi: 'số kiểu định dạng trong tệp', en: 'number of style records' },
  cellCharacters: { vi: 'số ký tự trong một ô', en: 'characters in one cell' },
  quotedCharacters: { vi: 'số ký tự trích dẫn', en: 'quoted characters' },
  reportColumnCharacters: { vi: 'độ rộng cột báo cáo', en: 'report column width' },
  recordRows: { vi: 'số dòng học sinh một lần điền hồ sơ', en: 'student rows in one record fill' },
  recordValueCharacters: {
    vi: 'số ký tự của một giá trị hồ sơ',
    en: 'characters in one record value',
  },
  listPages: { vi: 'số trang của một danh sách', en: 'pages of one list' },
  listRecords: { vi: 'số hồ sơ đọc được của một danh sách', en: 'records read from one list' },
  parallelReads: { vi: 'số hồ sơ đọc cùng lúc', en: 'records read at the same time' },
  formBytes: { vi: 'kích thước một trang hồ sơ', en: "size of one record's form page" },
  savedMappings: { vi: 'số mẫu tệp được nhớ cách ghép cột', en: 'kinds of file whose mapping is kept' },
};

function amount(limit: InputLimit, value: number, lang: 'vi' | 'en'): string {
  const bytes =
    limit === 'fileBytes' ||
    limit === 'entryBytes' ||
    limit === 'totalInflatedBytes' ||
    limit === 'formBytes';
  if (bytes) return `${Math.round(value / (1024 * 1024))} MB`;
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
}

/** "vượt giới hạn kích thước tệp (32 MB)" — the reason part of a refusal, naming the limit. */
export function limitReason(limit: InputLimit, detail?: Message): Message {
  const value = inputLimits[limit];
  const name = limitNames[limit];
  return {
    vi: `vượt giới hạn ${name.vi} (${amount(limit, value, 'vi')})${detail ? ` — ${detail.vi}` : ''}`,
    en: `over the limit on ${name.en} (${amount(limit, value, 'en')})${detail ? ` — ${detail.en}` : ''}`,
  };
}

/** Thrown by whatever reads a file when the file goes past one of `inputLimits`. */
export class InputLimitError extends Error {
  readonly reason: Message;

  constructor(
    readonly limit: InputLimit,
    detail?: Message,
  ) {
    const reason = limitReason(limit, detail);
    super(reason.en);
    this.name = 'InputLimitError';
    this.reason = reason;
  }
}

/** Cuts text to `max` characters, ending with "…" when something was cut (reports, quoted values). */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
