// Makes the OCR test photos: unit numbers painted or stickered on vehicle-like panels (a white box
// truck, a red cab door, a blue van, a yellow school bus, a dark trailer), drawn as SVG text by
// sharp, then turned, blurred and given the grain of a phone photo; and two with no number at all. Run
// `node scripts/generate-ocr-fixtures.mjs` and commit tests/fixtures/ocr/ (the unit test reads every
// image listed in fixtures.json and reports its rate).
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const DIR = "tests/fixtures/ocr";
const WIDTH = 1200;
const HEIGHT = 800;

/** The panel's paint (top and bottom of its gradient), the number's paint, its font and size. */
const PANELS = [
  { name: "white-box-truck", top: "#f4f4f2", bottom: "#d9dbd8", ink: "#111111", font: "DejaVu Sans", size: 190 },
  { name: "red-cab-door", top: "#b3261e", bottom: "#7d1a14", ink: "#ffffff", font: "DejaVu Sans", size: 170 },
  { name: "blue-van", top: "#1f4e9a", bottom: "#123066", ink: "#f2f2f2", font: "DejaVu Sans Condensed", size: 180 },
  { name: "yellow-bus", top: "#f2b705", bottom: "#d99a00", ink: "#000000", font: "DejaVu Sans Mono", size: 170 },
  { name: "dark-trailer", top: "#4a4d50", bottom: "#2c2e30", ink: "#f5d90a", font: "DejaVu Sans", size: 200 },
];

/** Fleet numbers as fleets paint them; each is a unit of the test's fleet. */
const NUMBERS = ["SR-105", "4521", "T-88", "BUS 17", "V2031", "TR-460"];

/** How the phone saw it: straight, turned, soft focus. */
const VARIANTS = [
  { suffix: "straight", rotate: 0, blur: 0 },
  { suffix: "turned", rotate: 5, blur: 0 },
  { suffix: "soft", rotate: -3, blur: 1.5 },
];

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

function panelSvg(panel, number) {
  // A panel seam and a rivet line, as on a real body, besides the number.
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${panel.top}"/><stop offset="1" stop-color="${panel.bottom}"/>
  </linearGradient></defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#g)"/>
  <line x1="0" y1="90" x2="${WIDTH}" y2="90" stroke="#000" stroke-opacity="0.35" stroke-width="6"/>
  <line x1="0" y1="${HEIGHT - 100}" x2="${WIDTH}" y2="${HEIGHT - 100}" stroke="#000" stroke-opacity="0.3" stroke-width="4"/>
  ${Array.from({ length: 14 }, (_, i) => `<circle cx="${40 + i * 85}" cy="${HEIGHT - 70}" r="7" fill="#000" fill-opacity="0.25"/>`).join("")}
  <text x="${WIDTH / 2}" y="${HEIGHT / 2 + panel.size / 3}" text-anchor="middle" font-family="${panel.font}"
    font-weight="bold" font-size="${panel.size}" fill="${panel.ink}">${escapeXml(number)}</text>
</svg>`);
}

/** Deterministic grain (the same files every run), as a phone sensor adds. */
function grain(seed) {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 4);
  let state = seed;
  for (let i = 0; i < pixels.length; i += 4) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const v = state % 255;
    pixels[i] = v;
    pixels[i + 1] = v;
    pixels[i + 2] = v;
    pixels[i + 3] = 22;
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 4 } })
    .png()
    .toBuffer();
}

mkdirSync(DIR, { recursive: true });
const listed = [];
let n = 0;
for (const [p, panel] of PANELS.entries()) {
  for (const [v, variant] of VARIANTS.entries()) {
    const number = NUMBERS[(p + v) % NUMBERS.length];
    let image = sharp(
      await sharp(panelSvg(panel, number))
        .composite([{ input: await grain(11 + n) }])
        .png()
        .toBuffer(),
    );
    if (variant.rotate) image = image.rotate(variant.rotate, { background: panel.bottom });
    if (variant.blur) image = image.blur(variant.blur);
    const file = `${panel.name}-${variant.suffix}.jpg`;
    writeFileSync(`${DIR}/${file}`, await image.jpeg({ quality: 82 }).toBuffer());
    listed.push({ file, unitNumber: number });
    n += 1;
  }
}
// Photos with no number on them (a fleet's name, a bare door): OCR must propose nothing.
const NO_NUMBER = [
  { file: "no-number-fleet-name.jpg", panel: PANELS[0], text: "ACME RENTALS" },
  { file: "no-number-bare-door.jpg", panel: PANELS[1], text: "" },
];
for (const { file, panel, text } of NO_NUMBER) {
  const image = sharp(panelSvg({ ...panel, size: 120 }, text)).composite([{ input: await grain(97 + n) }]);
  writeFileSync(`${DIR}/${file}`, await image.jpeg({ quality: 82 }).toBuffer());
  listed.push({ file, unitNumber: null });
  n += 1;
}
writeFileSync(`${DIR}/fixtures.json`, JSON.stringify(listed, null, 2) + "\n");
console.log(`${listed.length} images in ${DIR}`);
