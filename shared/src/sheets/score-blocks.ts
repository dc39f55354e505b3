import type { AssessmentKind } from '../rules/rulepack';
import type { EvaluationKind } from './column-kinds';
import type { HeaderColumn } from './header-detection';

/**
 * One subject's (or one semester's) columns: TX…, GK, CK and its average column; and for a primary
 * book its KT, XL and Nhận xét columns.
 */
export interface ScoreBlock {
  /** The group text over the block ("Toán", "Học kỳ I"), "" on a one-subject sheet. */
  subject: string;
  columns: Record<AssessmentKind, number[]>;
  evaluations: Record<EvaluationKind, number[]>;
  average: number | undefined;
}

// Within a block the columns run TX → GK → CK → average. Going back in that order, or a second
// CK or average, starts the next block. GK may repeat (TT58 had several periodic tests). A primary
// book's KT, XL and Nhận xét come in any order; a second one of a kind starts the next block.
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

function emptyBlock(subject: string): ScoreBlock {
  return {
    subject,
    columns: { tx: [], gk: [], ck: [] },
    evaluations: { test: [], level: [], comment: [], retakeTest: [], retakeLevel: [] },
    average: undefined,
  };
}

/** Splits the recognised columns into blocks, left to right. */
export function scoreBlocks(columns: readonly HeaderColumn[]): ScoreBlock[] {
  const blocks: ScoreBlock[] = [];
  let previous: { rank: number; group: string } | undefined;
  let block: ScoreBlock | undefined;
  for (const column of columns) {
    if (column.kind.kind === 'evaluation') {
      const taken = block?.evaluations[column.kind.entry];
      const otherGroup = column.group !== '' && block?.subject !== '' && column.group !== block?.subject;
      if (!block || !taken || taken.length > 0 || otherGroup) {
        block = emptyBlock(column.group);
        blocks.push(block);
        previous = undefined;
      }
      block.evaluations[column.kind.entry].push(column.col);
      continue;
    }
    const rank = orderOf(column);
    if (rank === undefined) continue;
    if (!block || !previous || startsNewBlock(previous, rank, column.group)) {
      // Scores after a primary book's evaluations of the same group stay in its block.
      const evaluationsOnly = block && !previous && Object.values(block.columns).every((c) => c.length === 0);
      if (!evaluationsOnly || (column.group !== '' && column.group !== block!.subject)) {
        block = emptyBlock(column.group);
        blocks.push(block);
      }
    }
    const current = block!;
    if (current.subject === '') current.subject = column.group;
    if (column.kind.kind === 'score') current.columns[column.kind.assessment].push(column.col);
    else current.average = column.col;
    previous = { rank, group: column.group || previous?.group || '' };
  }
  return blocks;
}
