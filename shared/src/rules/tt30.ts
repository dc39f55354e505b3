// Thông tư 30/2014/TT-BGDĐT as amended by Thông tư 22/2016/TT-BGDĐT: assessment of primary
// students in the grades TT27's roll-out had not reached (grade 1 until 2019-20, grade 2 until
// 2020-21, grade 3 until 2021-22, grade 4 until 2022-23, grade 5 until 2023-24).
import { problem } from '../problem';
import { rowAverageOf } from './row-average';
import { cellChecker } from './cells';
import type { Rulepack, ScoreCheck } from './rulepack';
import { checkTenPointScore } from './score';
import { checkRegularCell } from './tt27';

// Subjects and activities are assessed at the same three levels as under TT27.
export { SUBJECT_LEVEL_LABEL, type SubjectLevel } from './tt27';

/**
 * A periodic test score (TT30 Điều 10 as amended by TT22/2016): marked on the 10-point scale,
 * "không cho điểm 0, không cho điểm thập phân" — a whole number from 1 to 10.
 */
export function checkTestScore(raw: unknown): ScoreCheck {
  const checked = checkTenPointScore(raw, 'whole');
  if (checked.value !== 0) return checked;
  return {
    value: null,
    problems: [
      problem(
        'score.zero',
        'error',
        'Điểm 0 không hợp lệ: bài kiểm tra định kỳ ở tiểu học (Thông tư 22/2016) không cho điểm 0, điểm từ 1 đến 10',
        'Score 0 is not allowed: primary periodic tests (TT22/2016) are marked 1 to 10, never 0',
      ),
    ],
  };
}

/**
 * TT30/TT22 as a rulepack. Like TT27 it has no subject averages: regular assessment is by
 * comment, the periodic tests are whole scores 1–10, subjects are Hoàn thành tốt (T) /
 * Hoàn thành (H) / Chưa hoàn thành (C); semesterAverage gives a null average and yearAverage
 * the semester II value, the end-of-year assessment standing for the year.
 */
export const tt30: Rulepack = {
  id: 'tt30',
  name: 'Thông tư 30/2014/TT-BGDĐT (sửa đổi bởi Thông tư 22/2016/TT-BGDĐT)',
  basis:
    'Quy định đánh giá học sinh tiểu học ban hành kèm Thông tư 30/2014/TT-BGDĐT ngày 28/8/2014, ' +
    'sửa đổi, bổ sung bởi Thông tư 22/2016/TT-BGDĐT ngày 22/9/2016',
  regularAssessments: () => 0,
  checkScore: (raw, kind) => (kind === 'tx' ? checkRegularCell(raw) : checkTestScore(raw)),
  checkCell: cellChecker({
    score: (raw, kind) => (kind === 'tx' ? checkRegularCell(raw) : checkTestScore(raw)),
    test: (raw) => checkTestScore(raw),
  }),
  rowAverage: (cells, columns) => rowAverageOf(tt30, cells, columns),
  semesterAverage: () => ({ average: null, problems: [] }),
  yearAverage: (_semesterI, semesterII) => semesterII,
};
