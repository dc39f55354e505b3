/**
 * TCVN3 text is only readable in ".Vn…" fonts and VNI text in "VNI-…" fonts: they draw the
 * legacy bytes as Vietnamese letters. Once a cell is Unicode such a font shows garbage, so a
 * converted cell gets the Unicode font of the same design.
 */
const legacyFont = /^(?:\.vn|vni[- ])/i;

export function isLegacyFont(name: string | undefined): boolean {
  return name !== undefined && legacyFont.test(name);
}

/** .VnArial, .VnArialH, VNI-Helve → Arial; everything else (.VnTime, VNI-Times, …) → Times New Roman. */
export function unicodeFontFor(name: string): string {
  return /arial|helve|avant/i.test(name) ? 'Arial' : 'Times New Roman';
}

/** ".VnTimeH"-style fonts have no lower case: they draw every letter as a capital, so the Unicode text must be upper-case to look the same. */
export function drawsCapitals(name: string | undefined): boolean {
  return name !== undefined && /^\.vn.*h$/i.test(name);
}

/** The encoding a legacy font draws: ".Vn…" fonts TCVN3, "VNI-…" fonts VNI; undefined for others. */
export function legacyFontEncoding(name: string | undefined): 'tcvn3' | 'vni' | undefined {
  if (!isLegacyFont(name)) return undefined;
  return /^\.vn/i.test(name ?? '') ? 'tcvn3' : 'vni';
}
