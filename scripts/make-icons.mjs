#!/usr/bin/env node
// Draws Outturn's icon (a small ledger table in Office green) at every size the manifest needs
// and writes assets/icon-N.png. No image library: pixels are laid on an integer grid so that
// every line is crisp at 16 px, then written as an RGBA PNG with node:zlib.
// Usage: node scripts/make-icons.mjs [OUT_DIR]   (default: assets/ at the repo root)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x21, 0x73, 0x46, 255]; // Office/Excel green #217346
const RULE = [0x9c, 0xc3, 0xae, 255]; // the same green, tinted: inner rules sit behind the frame
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0]; // outside the table: transparent, so the ribbon colour shows

/** The glyph at size s as a function (x, y) -> RGBA. */
function ledger(s) {
  const stroke = Math.max(1, Math.round(s / 16)); // the frame
  const rule = Math.max(1, Math.round(s / 32)); // inner rules, thinner than the frame
  const margin = Math.max(1, Math.round(s / 16));
  const left = margin;
  const top = margin + Math.round(s / 16); // a little lower than the left edge: optical centre
  const right = s - margin; // exclusive
  const bottom = s - margin; // exclusive
  const header = top + Math.max(3, Math.round((bottom - top) * 0.28)); // header band rows [top, header)
  const divider = left + Math.round((right - left) * 0.42); // label column | figures column
  const body = bottom - stroke - header;
  const rowLine = header + Math.round(body / 3);
  const totalLine = header + Math.round((2 * body) / 3);
  // Accountants' total: a double rule under the figures, drawn from 32 px up (no room below).
  const doubleRule = s >= 32;
  const within = (v, from, width) => v >= from && v < from + width;

  return (x, y) => {
    if (x < left || x >= right || y < top || y >= bottom) return CLEAR;
    if (x < left + stroke || x >= right - stroke || y >= bottom - stroke || y < header) return GREEN;
    const figures = x >= divider + rule;
    if (doubleRule && figures && (within(y, totalLine, rule) || within(y, totalLine + 2 * rule, rule))) return GREEN;
    if (within(x, divider, rule) || within(y, rowLine, rule) || within(y, totalLine, rule)) return RULE;
    return WHITE;
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An s-by-s RGBA PNG of pixel(x, y). */
export function png(s, pixel) {
  const raw = Buffer.alloc(s * (1 + 4 * s));
  for (let y = 0; y < s; y++) {
    const row = y * (1 + 4 * s); // each row starts with filter type 0 (none)
    for (let x = 0; x < s; x++) raw.set(pixel(x, y), row + 1 + 4 * x);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, adaptive filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'assets'));
mkdirSync(out, { recursive: true });
for (const s of SIZES) {
  const file = join(out, `icon-${s}.png`);
  writeFileSync(file, png(s, ledger(s)));
  console.log(`wrote ${file}`);
}
