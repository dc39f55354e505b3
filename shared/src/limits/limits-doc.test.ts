import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type InputLimit, inputLimits, limitReason } from './index';

const doc = readFileSync(new URL('../../../docs/limits.md', import.meta.url), 'utf8');

describe('docs/limits.md', () => {
  it.each(Object.keys(inputLimits) as InputLimit[])('lists %s with the value the code uses', (limit) => {
    // The amount a refusal prints, "(32 MB)" or "(300,000)", is the one the table must show.
    const amount = /\(([^)]*)\)$/.exec(limitReason(limit).en)?.[1];
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${limit}\``));
    expect(row?.split('|').map((cell) => cell.trim())[2]).toBe(amount);
  });
});
