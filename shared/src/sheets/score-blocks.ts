import type { AssessmentKind } from '../rules/rulepack';
import type { HeaderColumn } from './header-detection';

/** One subject's (or one semester's) assessment columns: TX…, GK, CK and its average column. */
export interface ScoreBlock {
  /** The group text over the block ("Toán", "Học kỳ I"), "" on a one-subject sheet. */
  subject: string;
  columns: Record<AssessmentKind, number[]>;
  average: number | undefined;
}

// Within a block the columns run TX → GK → CK → average. Going back in that order, or a second
// CK or average, starts the next block. GK may repeat (TT58 had several periodic tests).
const order = { tx: 0, gk: 1, ck: 2, average: 3 } as const;

function orderOf(column: HeaderColumn): number | undefined {
  const { kind } = column;
  if (kind.kind === 'score') return order[kind.assessment];
  return kind.kind === 'average' ? order.average : undefined;
}

function startsNewBlock(previous: { rank: number; group: string }, rank: number, group: string): boolean {
  if (rank < previous.rank || (rank === previous.rank && rank >= order.ck)) return true;
  return group !== '' && previous.group !== '' && group !== previous.group;
}

/** Splits the recognised score and average columns into blocks, left to right. */
export function scoreBlocks(columns: readonly HeaderColumn[]): ScoreBlock[] {
  const blocks: ScoreBlock[] = [];
  let previous: { rank: number; group: string } | undefined;
  let block: ScoreBlock | undefined;
  for (const column of columns) {
    const rank = orderOf(column);
    if (rank === undefined) continue;
    if (!block || !previous || startsNewBlock(previous, rank, column.group)) {
      block = { subject: column.group, columns: { tx: [], gk: [], ck: [] }, average: undefined };
      blocks.push(block);
    }
    if (block.subject === '') block.subject = column.group;
    if (column.kind.kind === 'score') block.columns[column.kind.assessment].push(column.col);
    else block.average = column.col;
    previous = { rank, group: column.group || previous?.group || '' };
  }
  return blocks;
}
