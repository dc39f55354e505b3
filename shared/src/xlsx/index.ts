// Reading .xlsx files as plain value grids without exceljs: a zip layer over fflate that counts
// what it inflates, an XML scanner and the worksheet reader, all within shared/limits.

export { readXlsx, readXlsxValues, type XlsxReading } from './read-values';
export { ZipArchive } from './zip-archive';
export { withMergesCut } from './cut-merges';
