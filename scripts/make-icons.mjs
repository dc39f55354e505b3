#!/usr/bin/env node
// Draws the extension's toolbar and store icons (16, 32, 48, 128 px) into extension/public/icon/:
// a rounded square in school blue with a white "E". Run once when the mark changes
// (`node scripts/make-icons.mjs`); the PNGs are committed, so builds need nothing but the files.
// Plain Node: shapes are sampled 4×4 per pixel for smooth edges, the PNG is encoded by hand with
// node:zlib (RGBA, 8 bits per channel, no filter).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'extension', 'public', 'icon');
const SIZES = [16, 32, 48, 128];
const BLUE = [0x1d, 0x5f, 0xb4];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

// The mark on a unit square (0..1 both ways).
const RADIUS = 0.2;
/** The "E": a stem and three bars, as [x0, y0, x1, y1] rectangles. */
const LETTER = [
  [0.3, 0.22, 0.44, 0.78],
  [0.3, 0.22, 0.72, 0.34],
  [0.3, 0.44, 0.66, 0.56],
  [0.3, 0.66, 0.72, 0.78],
];

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), 1 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 1 - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function inLetter(x, y) {
  return LETTER.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1);
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let letter = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inRoundedSquare(x, y)) continue;
          square++;
          if (inLetter(x, y)) letter++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const white = square === 0 ? 0 : letter / square;
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[at + c] = Math.round(BLUE[c] * (1 - white) + WHITE[c] * white);
      rgba[at + 3] = Math.round((255 * square) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each row starts with its filter type (0: none).
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT, `${size}.png`);
  writeFileSync(file, png(size, draw(size)));
  console.log(file);
}
