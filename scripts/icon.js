// Draws images/icon.png (128×128): a document with lines on a rounded teal square and a
// check mark badge, stratdoc's "a compiler for strategy documents". No dependencies: shapes
// as signed distances, 4×4 supersampling, PNG written with zlib.
// `node scripts/icon.js [out.png] [size]`
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const out = process.argv[2] || path.join(__dirname, '..', 'images', 'icon.png');
const N = Number(process.argv[3] || 128);
const S = 4; // samples per axis

// Geometry in a 128-unit square.
const roundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r));
  const cy = Math.max(y0 + r, Math.min(y, y1 - r));
  const inside = x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const d = Math.hypot(x - cx, y - cy);
  return inside && (x < x0 + r || x > x1 - r) && (y < y0 + r || y > y1 - r) ? d <= r : inside;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) <= r;
const segment = (x, y, ax, ay, bx, by, w) => {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) <= w / 2;
};

const BG_TOP = [18, 94, 110],
  BG_BOTTOM = [11, 61, 77];
const PAPER = [250, 250, 247],
  FOLD = [205, 220, 222],
  LINE = [150, 172, 178],
  MARK = [255, 179, 71];
const BADGE = [46, 160, 90],
  WHITE = [255, 255, 255];

/** Colour and coverage at a point (later layers paint over earlier ones). */
function sample(x, y) {
  let c = null;
  if (roundRect(x, y, 4, 4, 124, 124, 24)) {
    const t = y / 128;
    c = BG_TOP.map((v, i) => v + (BG_BOTTOM[i] - v) * t);
  }
  // The page with a folded corner (top right).
  const inPage = roundRect(x, y, 28, 18, 92, 110, 6) && !(x > 74 && y < 18 + (x - 74));
  if (inPage) c = PAPER;
  if (x > 74 && x <= 92 && y <= 36 && y - 18 >= x - 74) c = FOLD; // the fold, below the diagonal
  // Lines of text; the second one is marked (a finding).
  const lines = [
    [38, 66, 44],
    [38, 80, 58],
    [38, 58, 72],
    [38, 74, 86],
  ];
  for (const [x0, x1, ly] of lines) if (segment(x, y, x0, ly, x1, ly, 5)) c = LINE;
  if (segment(x, y, 38, 58, 60, 58, 5)) c = MARK;
  // The badge with a check mark (bottom right).
  if (circle(x, y, 92, 94, 25)) c = WHITE;
  if (circle(x, y, 92, 94, 21)) c = BADGE;
  if (segment(x, y, 81, 95, 89, 103, 6.5) || segment(x, y, 89, 103, 104, 86, 6.5)) c = WHITE;
  return c;
}

const raw = Buffer.alloc((N * 4 + 1) * N);
for (let py = 0; py < N; py++) {
  raw[py * (N * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < N; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < S; sy++) {
      for (let sx = 0; sx < S; sx++) {
        const c = sample(((px + (sx + 0.5) / S) * 128) / N, ((py + (sy + 0.5) / S) * 128) / N);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
    }
    const o = py * (N * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (S * S)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`${path.relative(process.cwd(), out)}: ${N}×${N}, ${png.length} bytes`);
