import { inputLimits, truncateText } from '@edulens/shared/limits';

/** A value as a report quotes it: cut to `quotedCharacters` with "…". */
export function quoted(value: string): string {
  return truncateText(value, inputLimits.quotedCharacters);
}

/** `cut: true` for a JSON entry whose quoted text was cut to `quotedCharacters` ("…"). */
export const cutMark = (cut: boolean) => (cut ? { cut: true as const } : {});

/** A before/after pair (a repaired cell) as a JSON report quotes it, marked when either was cut. */
export function quotedChange(before: string, after: string) {
  const shown = { before: quoted(before), after: quoted(after) };
  return { ...shown, ...cutMark(shown.before !== before || shown.after !== after) };
}

/** A message with every "…" it quotes (a name, a cell's text) cut like `quoted`. */
export function cutQuotes(message: string): string {
  return message.replace(/"([^"]*)"/g, (_, inner: string) => `"${quoted(inner)}"`);
}

/**
 * Left-aligned columns separated by two spaces; widths from the longest cell of each column, but
 * a cell longer than `cutAt` (`reportColumnCharacters` for what a file holds) is cut with "…", so
 * that one long name never pads every row. The last column is neither padded nor cut (it holds the
 * sentence of a message).
 */
export function textTable(
  rows: readonly (readonly string[])[],
  indent = '',
  cutAt: number = inputLimits.reportColumnCharacters,
): string {
  const cut = rows.map((row) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : truncateText(cell, cutAt))),
  );
  const widths: number[] = [];
  for (const row of cut) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return cut
    .map((row) =>
      (
        indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')
      ).trimEnd(),
    )
    .join('\n');
}
