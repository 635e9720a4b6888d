// Draws the app icons (a windshield with a stone chip on the brand blue) into public/icons/ as
// PNGs, with node:zlib only. The PNGs are committed; run `node scripts/generate-icons.mjs` after
// changing the drawing.
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

const BRAND = [0x0b, 0x5c, 0xad, 255]; // --brand in globals.css
const GLASS = [0xe6, 0xf0, 0xfa, 255];
const SAMPLES = 4; // 4×4 samples a pixel for smooth edges

const ICONS = [
  { file: "icon-192.png", size: 192, fullBleed: false, glyphScale: 0.86 },
  { file: "icon-512.png", size: 512, fullBleed: false, glyphScale: 0.86 },
  // Maskable: the launcher may crop to a circle of 80 % of the width, so the glyph stays inside it.
  { file: "maskable-192.png", size: 192, fullBleed: true, glyphScale: 0.72 },
  { file: "maskable-512.png", size: 512, fullBleed: true, glyphScale: 0.72 },
  { file: "apple-touch-icon.png", size: 180, fullBleed: true, glyphScale: 0.8 },
];

// The windshield, in glyph units (-0.5…0.5), before rounding its corners by GLASS_ROUND.
const WINDSHIELD = [
  [-0.31, -0.25],
  [0.31, -0.25],
  [0.41, 0.23],
  [-0.41, 0.23],
];
const GLASS_ROUND = 0.06;
const CHIP = { x: 0.12, y: -0.03 };
const CRACKS = [20, 95, 160, 230, 300].map((deg, i) => ({
  angle: (deg * Math.PI) / 180,
  length: 0.1 + 0.03 * (i % 3),
}));

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Signed distance to a convex polygon listed clockwise on screen (negative inside). */
function polygonDistance(px, py, points) {
  let nearest = Infinity,
    inside = true;
  points.forEach(([ax, ay], i) => {
    const [bx, by] = points[(i + 1) % points.length];
    nearest = Math.min(nearest, segmentDistance(px, py, ax, ay, bx, by));
    if ((bx - ax) * (py - ay) - (by - ay) * (px - ax) < 0) inside = false;
  });
  return inside ? -nearest : nearest;
}

function isChip(x, y) {
  const r = Math.hypot(x - CHIP.x, y - CHIP.y);
  if (r < 0.035 || Math.abs(r - 0.07) < 0.009) return true; // the impact point and its bullseye ring
  return CRACKS.some(
    ({ angle, length }) =>
      segmentDistance(x, y, CHIP.x, CHIP.y, CHIP.x + length * Math.cos(angle), CHIP.y + length * Math.sin(angle)) <
      0.006,
  );
}

/** Colour of one sample; u, v in 0…1 across the icon. */
function sample(u, v, { fullBleed, glyphScale }) {
  const corner = 0.22;
  const cx = Math.max(Math.abs(u - 0.5) - (0.5 - corner), 0),
    cy = Math.max(Math.abs(v - 0.5) - (0.5 - corner), 0);
  if (!fullBleed && Math.hypot(cx, cy) > corner) return [0, 0, 0, 0];
  const x = (u - 0.5) / glyphScale,
    y = (v - 0.5) / glyphScale;
  if (polygonDistance(x, y, WINDSHIELD) > GLASS_ROUND) return BRAND;
  return isChip(x, y) ? BRAND : GLASS;
}

function render(icon) {
  const { size } = icon;
  const rows = Buffer.alloc(size * (1 + size * 4)); // each row: filter byte 0, then RGBA
  for (let py = 0; py < size; py++) {
    rows[py * (1 + size * 4)] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < SAMPLES * SAMPLES; s++) {
        const c = sample(
          (px + ((s % SAMPLES) + 0.5) / SAMPLES) / size,
          (py + (Math.floor(s / SAMPLES) + 0.5) / SAMPLES) / size,
          icon,
        );
        for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3]; // premultiplied, so edges do not darken
        sum[3] += c[3];
      }
      const at = py * (1 + size * 4) + 1 + px * 4;
      for (let k = 0; k < 3; k++) rows[at + k] = sum[3] ? Math.round(sum[k] / sum[3]) : 0;
      rows[at + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
    }
  }
  return png(size, rows);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("public/icons", { recursive: true });
for (const icon of ICONS) {
  writeFileSync(`public/icons/${icon.file}`, render(icon));
  console.log(`public/icons/${icon.file}`);
}
