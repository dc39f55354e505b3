import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const mergeCell = /<mergeCell\b[^>]*\/>/g;
const refAttribute = /\bref="([^"]*)"/;

/**
 * The archive again with the merges `readXlsx` cut written back as cut (or left out when nothing
 * is left), for exceljs, which builds a cell object for every cell a merge declares. Only for an
 * archive `readXlsx` has read with `everyPart`: unzipSync inflates without a bound of its own.
 */
export function withMergesCut(bytes: Uint8Array, cutMerges: Map<string, Map<string, string>>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [path, cuts] of cutMerges) {
    const name = path in files ? path : `/${path}`;
    const xml = strFromU8(files[name]!).replace(mergeCell, (element) => {
      const ref = refAttribute.exec(element)?.[1];
      const cut = ref === undefined ? undefined : cuts.get(ref);
      if (cut === undefined) return element;
      return cut === '' ? '' : element.replace(refAttribute, `ref="${cut}"`);
    });
    files[name] = strToU8(xml);
  }
  return zipSync(files);
}
