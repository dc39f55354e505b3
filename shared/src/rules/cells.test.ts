import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CellKind, cellKinds } from './cells';
import { getRulepack, rulepackIds } from './registry';
import type { RulepackId } from './rulepack';

const codes = (raw: string, kind: CellKind, rulepack: RulepackId, options = {}) =>
  getRulepack(rulepack)
    .checkCell(raw, kind, options)
    .problems.map((p) => `${p.severity}:${p.code}`);

describe('checkCell', () => {
  it.each([
    ['tt27', 'test', '11', ['error:score.range']],
    ['tt27', 'test', '8.5', ['error:score.integer']],
    ['tt27', 'test', '9', []],
    ['tt27', 'level', 'X', ['error:level.format']],
    ['tt27', 'level', 'T', []],
    ['tt27', 'level', 'h', ['warning:level.case']],
    ['tt27', 'tx', '7', ['error:score.not-scored']],
    ['tt22', 'tx', '8,5', []],
    ['tt22', 'ck', '10.5', ['error:score.range']],
    ['tt58', 'gk', '7.25', ['error:score.decimals']],
    ['tt26', 'gk', '7.25', ['error:score.decimals']],
    ['tt30', 'test', '0', ['error:score.zero']],
    ['tt30', 'test', '8.5', ['error:score.integer']],
    ['tt30', 'level', 'h', ['warning:level.case']],
  ] as const)('%s %s "%s" → %j', (rulepack, kind, raw, expected) => {
    expect(codes(raw, kind, rulepack)).toEqual(expected);
  });

  it('gives the value the portal should hold', () => {
    const tt22 = getRulepack('tt22');
    expect(tt22.checkCell('8,50', 'tx').value).toBe('8.5');
    expect(tt22.checkCell('10.0', 'ck').value).toBe('10');
    expect(getRulepack('tt27').checkCell('Hoàn thành tốt', 'level').value).toBe('T');
    expect(getRulepack('tt27').checkCell('chưa hoàn thành', 'level').value).toBe('C');
    expect(getRulepack('tt27').checkCell('11', 'test').value).toBeNull();
  });

  it('takes Đ/CĐ in the score cells of a comment-only subject, by the subject', () => {
    const tt22 = getRulepack('tt22');
    const subject = { subject: 'Giáo dục thể chất' };
    expect(tt22.checkCell('đạt', 'tx', subject).value).toBe('Đ');
    expect(tt22.checkCell('CD', 'ck', subject).value).toBe('CĐ');
    expect(tt22.checkCell('8', 'tx', subject).problems[0]?.code).toBe('comment.format');
    expect(tt22.checkCell('Đ', 'tx', { subject: 'Toán' }).problems[0]?.code).toBe('score.format');
  });

  it("holds a comment to the input's maxlength, counted in NFC characters", () => {
    const tt27 = getRulepack('tt27');
    const at = 'a'.repeat(500);
    expect(tt27.checkCell(at, 'comment', { maxLength: 500 }).problems).toEqual([]);
    const over = tt27.checkCell(`${at}b`, 'comment', { maxLength: 500 });
    expect(over.value).toBeNull();
    expect(over.problems[0]?.code).toBe('comment.too-long');
    expect(over.problems[0]?.message.vi).toContain('501');
    // "ế" typed as e + two combining marks is one character once composed.
    const nfd = 'ế'.normalize('NFD').repeat(200);
    expect(tt27.checkCell(nfd, 'comment', { maxLength: 200 }).value).toBe('ế'.repeat(200));
    expect(tt27.checkCell(`${at}b`, 'comment').problems).toEqual([]);
  });

  it('is idempotent: the value it gives checks clean to itself, for any text of any kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rulepackIds),
        fc.constantFrom(...cellKinds),
        fc.oneof(fc.string(), fc.constantFrom('8,5', '10', 'T', 'h', 'Đ', 'cd', ' 7 ', '')),
        fc.constantFrom('Toán', 'Nghệ thuật'),
        (id, kind, raw, subject) => {
          const rulepack = getRulepack(id);
          const first = rulepack.checkCell(raw, kind, { subject, maxLength: 500 });
          if (first.value === null) return;
          const again = rulepack.checkCell(first.value, kind, { subject, maxLength: 500 });
          expect(again.value).toBe(first.value);
          expect(again.problems.filter((p) => p.severity === 'error')).toEqual([]);
        },
      ),
    );
  });
});
