import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulepackIds } from '@edulens/shared/rules';
import { describe, expect, it } from 'vitest';

// A portal is data (its profile), never feature code: no file under extension/features names a
// portal, a rulepack or a column kind that the profile and the rulepack decide — comments
// included, since a comment naming one portal's habit is where the next branch on it begins.

const FEATURES = fileURLToPath(new URL('../../extension/features', import.meta.url));

const PORTAL_NAMES = ['vnedu', 'smas', 'csdl', 'pmis'];
/** Column kinds whose meaning belongs to the rulepack (regular, mid-term, end-term assessment). */
const COLUMN_KINDS = ['tx', 'gk', 'ck'];

interface Finding {
  line: number;
  what: string;
  text: string;
}

function findings(source: string): Finding[] {
  const rules: [what: string, pattern: RegExp][] = [
    ['portal', new RegExp(`(${PORTAL_NAMES.join('|')})`, 'i')],
    ['rulepack id', new RegExp(`(?<![a-z0-9])(${rulepackIds.join('|')})(?![0-9])`, 'i')],
    ['column kind literal', new RegExp(`(['"\`])(${COLUMN_KINDS.join('|')})\\1`)],
  ];
  const found: Finding[] = [];
  source.split('\n').forEach((text, index) => {
    for (const [what, pattern] of rules) {
      const match = pattern.exec(text);
      if (match) found.push({ line: index + 1, what: `${what} "${match[0]}"`, text: text.trim() });
    }
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|css|html|json)$/.test(entry.name) ? [path] : [];
  });
}

describe('extension/features names no portal', () => {
  it('catches a portal, a rulepack id and a column kind literal (the check can fail)', () => {
    const sample = [
      '// vnEdu keeps value0 on every input',
      "const rulepack = id === 'TT27' ? a : b;",
      "if (column.kind === 'gk') return;",
      'const total = columns.length; // ĐTBmhk of the book',
    ].join('\n');
    expect(findings(sample).map((f) => [f.line, f.what])).toEqual([
      [1, 'portal "vnEdu"'],
      [2, 'rulepack id "TT27"'],
      [3, `column kind literal "'gk'"`],
    ]);
    // Every rulepack id of shared's list is looked for, whatever its case.
    for (const id of rulepackIds) expect(findings(`// ${id.toUpperCase()}`)).toHaveLength(1);
  });

  it('finds none in any file under extension/features', () => {
    const files = sourceFiles(FEATURES);
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      findings(readFileSync(file, 'utf8')).map(
        (f) => `${relative(FEATURES, file)}:${f.line}: ${f.what} — ${f.text}`,
      ),
    );
    expect(offending).toEqual([]);
  });
});
