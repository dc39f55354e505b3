import type { Message } from '@edulens/shared';

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;

/**
 * The names of the files in a zip archive, from its central directory; undefined when the archive
 * is damaged or truncated (its directory is at the end, so a cut file has none).
 */
export function zipEntryNames(bytes: Buffer): string[] | undefined {
  // The end record is 22 bytes plus a comment of at most 65535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === endOfCentralDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== centralDirectoryEntry) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const otherKinds: { test: (names: string[]) => boolean; reason: Message }[] = [
  {
    test: (names) => names.includes('word/document.xml'),
    reason: {
      vi: 'đây là văn bản Word (.docx) đổi tên, không phải bảng tính .xlsx',
      en: 'it is a Word document (.docx) renamed, not an .xlsx workbook',
    },
  },
  {
    test: (names) => names.includes('ppt/presentation.xml'),
    reason: {
      vi: 'đây là bản trình chiếu PowerPoint (.pptx) đổi tên, không phải bảng tính .xlsx',
      en: 'it is a PowerPoint presentation (.pptx) renamed, not an .xlsx workbook',
    },
  },
  {
    test: (names) => names.includes('content.xml') && names.includes('mimetype'),
    reason: {
      vi: 'đây là tệp OpenDocument (.ods/.odt) đổi tên — hãy lưu thành .xlsx',
      en: 'it is an OpenDocument file (.ods/.odt) renamed — save it as .xlsx',
    },
  },
];

const plainZip: Message = {
  vi: 'đây là tệp nén .zip, không phải bảng tính .xlsx — hãy giải nén trước',
  en: 'it is a .zip archive, not an .xlsx workbook — extract it first',
};

/**
 * Why a zip file is not a workbook, when its directory says it is something else (a renamed
 * .docx/.pptx, a plain .zip); undefined for a workbook, or an archive too damaged to tell.
 */
export function notAWorkbook(bytes: Buffer): Message | undefined {
  const names = zipEntryNames(bytes);
  if (names === undefined || names.some((name) => name.startsWith('xl/'))) return undefined;
  return otherKinds.find((kind) => kind.test(names))?.reason ?? plainZip;
}
