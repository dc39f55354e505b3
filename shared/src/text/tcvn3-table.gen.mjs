/**
 * Records glibc's TCVN5712-1 decoding of every byte in tcvn3.glibc.fixture.json, the reference
 * that tcvn3.test.ts checks our own table against. Run once by hand on a machine with glibc iconv:
 *   node shared/src/text/tcvn3-table.gen.mjs
 * Never imported by the module or its tests: they read only the committed fixture. Plain
 * JavaScript because it is a Node script, and shared/ type-checks without Node's types.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const iconvVersion = execFileSync('iconv', ['--version'], { encoding: 'utf8' }).split('\n')[0];

// One byte per call: glibc composes a base letter with a following combining mark (0xB0–0xB4),
// so decoding the 256 bytes as one string would not show each byte's own mapping.
/** @type {Record<string, string>} */
const bytes = {};
for (let byte = 0; byte <= 0xff; byte++) {
  const decoded = execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from([byte]) });
  bytes[`0x${byte.toString(16).padStart(2, '0')}`] = decoded.toString('utf8');
}

const fixture = { source: 'iconv -f TCVN5712-1 -t UTF-8, one byte at a time', iconv: iconvVersion, bytes };
writeFileSync(
  new URL('./tcvn3.glibc.fixture.json', import.meta.url),
  `${JSON.stringify(fixture, null, 2)}\n`,
);
