// A portal's grade grid read and written as its profile describes it: `findGradeGrid` is the one
// way in; the list reader serves pages whose rows hold no grades (student lists).
export { findGradeGrid } from './find-grade-grid';
export { findListGrid, type ListGrid, type ListRow, type PageTurn } from './list-grid';
export type {
  BeforeSave,
  CellEdit,
  GridCell,
  GridColumn,
  GridRow,
  LastEdit,
  PortalGrid,
  WriteResult,
} from './types';
