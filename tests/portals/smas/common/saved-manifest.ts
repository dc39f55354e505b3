import { readFile, writeFile } from 'node:fs/promises';
import type { ManifestEntry } from '../../common/save-pages';

// pages/manifest.json is shared by the two generations' save-pages scripts: each replaces its
// own entries (by file-name prefix) and keeps the other's, legacy pages listed first.

export async function mergeManifest(
  outDir: URL,
  prefix: string,
  entries: readonly ManifestEntry[],
): Promise<void> {
  const file = new URL('manifest.json', outDir);
  const existing = JSON.parse(await readFile(file, 'utf8').catch(() => '[]')) as ManifestEntry[];
  const merged = [...existing.filter((entry) => !entry.file.startsWith(prefix)), ...entries];
  const legacyFirst = (entry: ManifestEntry) => (entry.file.startsWith('legacy-') ? 0 : 1);
  merged.sort((a, b) => legacyFirst(a) - legacyFirst(b));
  await writeFile(file, `${JSON.stringify(merged, null, 2)}\n`);
}
