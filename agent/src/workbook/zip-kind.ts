import type { Message } from '@edulens/shared';
import { ZipArchive } from '@edulens/shared/xlsx';

/** The names of the files in a zip archive; undefined when it is damaged or over a limit. */
function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  try {
    return new ZipArchive(bytes).names();
  } catch {
    // The reader meets the same archive next and says what is wrong with it.
    return undefined;
  }
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
export function notAWorkbook(bytes: Uint8Array): Message | undefined {
  const names = zipEntryNames(bytes);
  if (names === undefined || names.some((name) => name.startsWith('xl/'))) return undefined;
  return otherKinds.find((kind) => kind.test(names))?.reason ?? plainZip;
}
