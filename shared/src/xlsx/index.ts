// Reading .xlsx files as plain value grids without exceljs: a small zip reader, an XML scanner and
// the worksheet reader. The caller brings raw DEFLATE (node:zlib or DecompressionStream).

export { readXlsxValues } from './read-values';
export type { InflateRaw } from './zip-archive';
export { inflateRawStream } from './inflate-stream';
