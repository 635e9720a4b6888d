// Makes the scanner's test images: asset tags and VINs as QR, Code 128, Code 39 and Data Matrix,
// drawn by bwip-js, then rotated, blurred and set on a grey, noisy background with sharp (which
// comes with Next), as a phone would see a sticker. Run `node scripts/generate-scan-fixtures.mjs`
// and commit tests/fixtures/scan/ (the unit test decodes every image listed in fixtures.json).
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import bwipjs from "bwip-js";
import sharp from "sharp";

const DIR = "tests/fixtures/scan";

/** Value, symbology (bwip-js name), and the format a BarcodeDetector reports for it. */
const CODES = [
  { name: "asset-tag-qr", bcid: "qrcode", format: "QRCode", value: "FLT-00105" },
  { name: "asset-tag-code128", bcid: "code128", format: "Code128", value: "FLT-00106" },
  { name: "asset-tag-code39", bcid: "code39", format: "Code39", value: "FLT-00107" },
  { name: "asset-tag-datamatrix", bcid: "datamatrix", format: "DataMatrix", value: "FLT-00108" },
  { name: "vin-code39", bcid: "code39", format: "Code39", value: "1FTFW1E51NFA00001" },
  { name: "vin-code39-prefixed", bcid: "code39", format: "Code39", value: "I1GCUYDED2LZ123456" },
  { name: "vin-code128", bcid: "code128", format: "Code128", value: "5YJ3E1EA4PF400001" },
  { name: "vin-datamatrix", bcid: "datamatrix", format: "DataMatrix", value: "2T1BURHEXJC043821" },
  { name: "vin-qr-new-vehicle", bcid: "qrcode", format: "QRCode", value: "3C6UR5DL8KG512345" },
  // The same VIN with its check digit wrong: read fine, refused as a misread VIN.
  { name: "vin-qr-wrong-check-digit", bcid: "qrcode", format: "QRCode", value: "3C6UR5DL2KG512345" },
];

/**
 * How the code is seen: straight, turned, out of focus, or both. A long 1-D code (a 17-character
 * VIN in Code 39 is 5 cm wide) is turned half as much: a scan line must cross every bar.
 */
const VARIANTS = [
  { suffix: "straight", rotate: 0, blur: 0 },
  { suffix: "rotated", rotate: 8, blur: 0 },
  { suffix: "blurred", rotate: 0, blur: 1.2 },
  { suffix: "rotated-blurred", rotate: -6, blur: 0.9 },
];

function noiseBackground(width, height, seed) {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let i = 0; i < pixels.length; i += 3) {
    state = (state * 1103515245 + 12345) & 0x7fffffff; // deterministic: the same files every run
    const grey = 150 + (state % 12);
    pixels[i] = grey;
    pixels[i + 1] = grey;
    pixels[i + 2] = grey - 10;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

mkdirSync(DIR, { recursive: true });
const listed = [];
for (const [n, code] of CODES.entries()) {
  const linear = !["qrcode", "datamatrix"].includes(code.bcid);
  const symbol = await bwipjs.toBuffer({
    bcid: code.bcid,
    text: code.value,
    scale: 4,
    ...(linear ? { height: 14, includetext: true, textxalign: "center" } : {}),
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: "FFFFFF",
  });
  for (const variant of VARIANTS) {
    let image = sharp(symbol);
    const angle = linear ? variant.rotate / 2 : variant.rotate;
    if (angle) image = image.rotate(angle, { background: "#ffffff" });
    if (variant.blur) image = image.blur(variant.blur);
    const sticker = await image.png().toBuffer();
    const { width, height } = await sharp(sticker).metadata();
    const file = `${code.name}-${variant.suffix}.jpg`;
    const framed = await noiseBackground(width + 160, height + 120, 7 + n)
      .composite([{ input: sticker, left: 80, top: 60 }])
      .jpeg({ quality: 80 })
      .toBuffer();
    writeFileSync(`${DIR}/${file}`, framed);
    listed.push({ file, format: code.format, value: code.value });
  }
}
writeFileSync(`${DIR}/fixtures.json`, JSON.stringify(listed, null, 2) + "\n");
console.log(`${listed.length} images in ${DIR}`);
