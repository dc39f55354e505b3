import { text } from '@edulens/shared';
import iconv from 'iconv-lite';
import { type BenchRow, medianSeconds } from '../bench-row';
import { vietnameseNames } from '../names';

const nameCount = 50_000;

/**
 * TCVN3 → Unicode as `check`/`convert` do it per cell (detect, then decode), against the cheapest
 * per-string Unicode work there is (NFC) and, in bulk, against iconv-lite decoding Windows-1258.
 * Goals: a whole school's 1,500 names in well under 0.1 s (≥ 15,000 names/s); 1 MB/s in bulk. And
 * measured against the references in the same run (issue 9): repairText at least a tenth of NFC's
 * names/s, decodeTcvn3 at least a fifth of iconv-lite's MB/s.
 */
export async function tcvn3ThroughputCase(): Promise<BenchRow[]> {
  const names = vietnameseNames(nameCount).map(text.encodeTcvn3);
  const joined = names.join('\n');
  const megabytes = Buffer.byteLength(joined, 'latin1') / 1e6;
  const bytes = Buffer.from(joined, 'latin1');
  const nfcNames = names.map((name) => name.normalize('NFD'));

  const repair = await medianSeconds(5, () => names.map((name) => text.repairText(name)));
  const nfc = await medianSeconds(5, () => nfcNames.map((name) => name.normalize('NFC')));
  const decode = await medianSeconds(5, () => text.decodeTcvn3(joined));
  const iconvDecode = await medianSeconds(5, () => iconv.decode(bytes, 'windows1258'));
  return [
    {
      case: `repairText on TCVN3 names (${nameCount}), vs NFC per name`,
      figure: nameCount / repair,
      unit: 'names/s',
      baseline: nameCount / nfc,
      goal: { min: 15_000 },
      ratioGoal: { min: 0.1 },
    },
    {
      case: `decodeTcvn3 bulk (${megabytes.toFixed(1)} MB), vs iconv-lite windows-1258`,
      figure: megabytes / decode,
      unit: 'MB/s',
      baseline: megabytes / iconvDecode,
      goal: { min: 1 },
      ratioGoal: { min: 0.2 },
    },
  ];
}
