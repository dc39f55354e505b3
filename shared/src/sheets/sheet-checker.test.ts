import { describe, expect, it } from 'vitest';
import { getRulepack } from '../rules/index';
import { analyseGradeSheet } from './grade-sheet';
import type { CellValue } from './grid';

function problems(students: CellValue[][]) {
  const analysis = analyseGradeSheet(
    {
      name: '6A',
      rows: [['STT', 'Mã HS', 'Họ và tên', 'TX1', 'TX2', 'TX3', 'GK', 'CK'], ...students],
      merges: [],
    },
    { rulepack: getRulepack('tt22') },
  );
  if (analysis.status !== 'checked') throw new Error('skipped');
  return analysis.problems.map(({ cell, code, severity }) => ({ cell, code, severity }));
}

describe('SheetChecker names', () => {
  it('reports a student with scores whose name is blank or only U+FFFD, never "no problems"', () => {
    expect(
      problems([
        [1, 'HS1', 'Nguyễn Văn An', 8, 8, 8, 8, 8],
        [2, 'HS2', '', 8, 8, 8, 8, 8],
        [3, 'HS3', ' \ufffd\ufffd ', 8, 8, 8, 8, 8],
      ]),
    ).toEqual([
      { cell: 'C3', code: 'name.blank', severity: 'error' },
      { cell: 'C4', code: 'name.blank', severity: 'error' },
    ]);
  });

  it('leaves a code-only row without scores alone (a student listed, nothing entered yet)', () => {
    expect(problems([[1, 'HS1', '', null, null, null, null, null]])).toEqual([
      { cell: 'D2', code: 'score.missing', severity: 'warning' },
    ]);
  });
});
