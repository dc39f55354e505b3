import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tt30 } from './tt30';

const codes = (raw: string, kind: Parameters<typeof tt30.checkCell>[1]) =>
  tt30.checkCell(raw, kind).problems.map((p) => `${p.severity}:${p.code}`);

describe('tt30 rulepack (TT30/2014 as amended by TT22/2016)', () => {
  it('names TT30 and its TT22/2016 amendment', () => {
    expect(tt30.id).toBe('tt30');
    expect(tt30.basis).toContain('30/2014/TT-BGDĐT');
    expect(tt30.basis).toContain('22/2016/TT-BGDĐT');
  });

  it('TT22/2016 Điều 10: a periodic test is scored on 10, from 1 to 10', () => {
    expect(tt30.checkCell('1', 'test')).toEqual({ value: '1', problems: [] });
    expect(tt30.checkCell('10', 'test')).toEqual({ value: '10', problems: [] });
    expect(tt30.checkCell(' 7 ', 'ck')).toEqual({ value: '7', problems: [] });
    expect(codes('11', 'test')).toEqual(['error:score.range']);
  });

  it('TT22/2016 Điều 10: "không cho điểm 0" — a periodic test never scores 0', () => {
    const zero = tt30.checkCell('0', 'test');
    expect(zero.value).toBeNull();
    expect(zero.problems).toMatchObject([{ code: 'score.zero', severity: 'error' }]);
    expect(zero.problems[0]?.message.vi).toContain('không cho điểm 0');
    expect(tt30.checkScore(0, 'ck').value).toBeNull();
  });

  it('TT22/2016 Điều 10: "không cho điểm thập phân" — no decimals', () => {
    expect(codes('8.5', 'test')).toEqual(['error:score.integer']);
    expect(codes('8,5', 'gk')).toEqual(['error:score.integer']);
    expect(tt30.checkCell('8.0', 'test').value).toBe('8');
  });

  it('TT22/2016 Điều 10 as a rule on every number: accepted ⇔ a whole number from 1 to 10', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 120 }), (tenths) => {
        // -0.5, 0, 0.1, 8.5, 10, 12: JavaScript prints tenths / 10 exactly.
        const accepted = tenths % 10 === 0 && tenths >= 10 && tenths <= 100;
        const result = tt30.checkCell(String(tenths / 10), 'test');
        expect(result.value !== null).toBe(accepted);
        if (accepted) expect(result.problems).toEqual([]);
      }),
    );
  });

  it('TT30 Điều 6 (as amended): regular assessment is by comment — a score in a regular cell is refused', () => {
    expect(tt30.regularAssessments(140)).toBe(0);
    expect(codes('7', 'tx')).toEqual(['error:score.not-scored']);
    expect(codes('', 'tx')).toEqual([]);
  });

  it('TT22/2016 Điều 10: subjects are Hoàn thành tốt (T), Hoàn thành (H) or Chưa hoàn thành (C)', () => {
    expect(tt30.checkCell('Hoàn thành tốt', 'level').value).toBe('T');
    expect(tt30.checkCell('hoàn thành', 'level').value).toBe('H');
    expect(tt30.checkCell('Chưa hoàn thành', 'level').value).toBe('C');
    expect(codes('X', 'level')).toEqual(['error:level.format']);
  });

  it('keeps comments within the portal limit', () => {
    expect(tt30.checkCell('Em học tốt', 'comment', { maxLength: 5 }).problems[0]?.code).toBe(
      'comment.too-long',
    );
  });

  it('computes no subject averages; the year stands on the end-of-year assessment', () => {
    expect(tt30.semesterAverage({ tx: [], gk: [], ck: [80] }, 0)).toEqual({ average: null, problems: [] });
    expect(tt30.yearAverage(60, 90)).toBe(90);
  });
});
