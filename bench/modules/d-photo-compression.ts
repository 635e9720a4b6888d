// Figures d, d2, d3: compressing a 12-megapixel phone photo on the device with the app's own
// options (photoCompressionOptions: browser-image-compression in its web worker, the library self-hosted
// under /vendor/). The photo is generated in the page: 4000×3000, texture at several scales with
// amplitude falling with frequency (as in natural scenes) plus sensor grain, saved at JPEG
// quality 0.92: about 4 MB, like a phone's. Output size depends on the scene: a grainier 4.6 MB
// variant is in the details. Measured in the page: wall time of the call, output size and
// main-thread long tasks (PerformanceObserver "longtask") while it runs; the library falls back
// to the main thread without a word when its worker cannot load libURL, and d3 shows it. For
// comparison the details time the library with a relative libURL and a bare OffscreenCanvas
// path (createImageBitmap with resize, in a worker).
import os from "node:os";
import type { Page } from "@playwright/test";
import { PHOTO_OPTIONS } from "../../src/client/capture/photo";
import type { BenchFigure, BenchModule } from "../types";
import { median, withChromium } from "../support/browser";

const RUNS = 3;
const LIBRARY = "/vendor/browser-image-compression.js";
// What preparePhoto passes (photoCompressionOptions): the same options with an absolute libURL.
const RELATIVE_LIB_URL_OPTIONS = JSON.stringify(PHOTO_OPTIONS);
const APP_OPTIONS = `{ ...${RELATIVE_LIB_URL_OPTIONS}, libURL: new URL("${LIBRARY}", location.origin).href }`;

// Page scripts are strings: tsx would add __name() helpers to functions, unknown in the page.
const makePhoto = (name: string, grain: number) => `(async () => {
  let seed = 12;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const noise = (w, h, spread) => {
    const data = new ImageData(w, h);
    for (let i = 0; i < data.data.length; i += 4) {
      const v = 128 + (random() - 0.5) * spread;
      data.data[i] = v + (random() - 0.5) * spread * 0.2; data.data[i + 1] = v; data.data[i + 2] = v + (random() - 0.5) * spread * 0.2; data.data[i + 3] = 255;
    }
    const canvas = new OffscreenCanvas(w, h);
    canvas.getContext("2d").putImageData(data, 0, 0);
    return canvas;
  };
  const photo = new OffscreenCanvas(4000, 3000);
  const ctx = photo.getContext("2d");
  const scene = ctx.createLinearGradient(0, 0, 0, 3000); // sky, then the lot
  [[0, "#8fb8de"], [0.42, "#e3ebf1"], [0.46, "#70757a"], [1, "#35383b"]].forEach(([at, color]) => scene.addColorStop(at, color));
  ctx.fillStyle = scene;
  ctx.fillRect(0, 0, 4000, 3000);
  for (let i = 0; i < 60; i++) { // vehicles
    ctx.fillStyle = "hsl(" + Math.floor(random() * 360) + ", " + Math.floor(20 + random() * 60) + "%, " + Math.floor(20 + random() * 60) + "%)";
    ctx.beginPath();
    ctx.roundRect(random() * 3800, 1200 + random() * 1600, 300 + random() * 600, 150 + random() * 300, 40);
    ctx.fill();
  }
  ctx.imageSmoothingEnabled = true;
  ctx.globalCompositeOperation = "overlay";
  ctx.globalAlpha = 0.5;
  for (const [w, spread] of [[63, 200], [250, 100], [1000, 45]]) ctx.drawImage(noise(w, (w * 3) / 4, spread), 0, 0, 4000, 3000);
  ctx.globalAlpha = 1;
  ctx.drawImage(noise(4000, 3000, ${grain}), 0, 0);
  const blob = await photo.convertToBlob({ type: "image/jpeg", quality: 0.92 });
  (window.__rsPhotos ??= {})["${name}"] = new File([blob], "${name}.jpg", { type: "image/jpeg", lastModified: Date.now() });
  return blob.size;
})()`;

const compress = (name: string, options: string) => `(async () => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: "longtask" });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const start = performance.now();
  const output = await imageCompression(window.__rsPhotos["${name}"], ${options});
  const end = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  const during = longTasks.filter((task) => task.startTime + task.duration > start && task.startTime < end);
  const bitmap = await createImageBitmap(output);
  return { ms: end - start, bytes: output.size, longTasks: during.length, longestTaskMs: Math.max(0, ...during.map((t) => t.duration)), size: bitmap.width + "x" + bitmap.height };
})()`;

const OFFSCREEN_PATH = `(async () => {
  const source = "self.onmessage = async (e) => { const bitmap = await createImageBitmap(e.data, { resizeWidth: 1600, resizeHeight: 1200, resizeQuality: 'high' }); const canvas = new OffscreenCanvas(1600, 1200); canvas.getContext('2d').drawImage(bitmap, 0, 0); self.postMessage(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })); };";
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  const start = performance.now();
  const output = await new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); worker.postMessage(window.__rsPhotos.typical); });
  const ms = performance.now() - start;
  worker.terminate();
  return { ms, bytes: output.size };
})()`;

type Run = { ms: number; bytes: number; longTasks: number; longestTaskMs: number; size: string };

async function compressRuns(page: Page, name: string, count: number, options = APP_OPTIONS): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < count; i++) runs.push((await page.evaluate(compress(name, options))) as Run);
  return runs;
}

const photoCompression: BenchModule = {
  name: "12 MP photo compression on the device",
  run: (env) =>
    withChromium(env, async (browser) => {
      const page = await browser.newPage({ baseURL: env.baseUrl });
      await page.goto("/login", { waitUntil: "networkidle" }); // any same-origin page will do
      await page.addScriptTag({ url: LIBRARY });
      const inputBytes = (await page.evaluate(makePhoto("typical", 45))) as number;
      const grainyBytes = (await page.evaluate(makePhoto("grainy", 60))) as number;
      const runs = await compressRuns(page, "typical", RUNS);
      const [grainy] = await compressRuns(page, "grainy", 1);
      const relative = await compressRuns(page, "typical", RUNS, RELATIVE_LIB_URL_OPTIONS);
      const offscreen: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < RUNS; i++) offscreen.push(await page.evaluate(OFFSCREEN_PATH));

      const ms = median(runs.map((r) => r.ms));
      const kb = median(runs.map((r) => r.bytes)) / 1000;
      const longTasks = Math.max(...[...runs, grainy!].map((r) => r.longTasks));
      const mb = (bytes: number) => Math.round(bytes / 1e4) / 100;
      const figures: BenchFigure[] = [
        {
          id: "d",
          label: "compress a 12 MP photo (worker, median)",
          value: ms,
          unit: "ms",
          target: "<= 300 ms",
          pass: ms <= 300,
          // Wall time on a shared 2-CPU machine: the load average says how busy it was.
          details: {
            inputMB: mb(inputBytes),
            libURL: `absolute ${PHOTO_OPTIONS.libURL}`,
            loadAvg1m: Math.round(os.loadavg()[0]! * 10) / 10,
            runsMs: runs.map((r) => Math.round(r.ms)).join(", "),
            relativeLibUrlMedianMs: Math.round(median(relative.map((r) => r.ms))),
            relativeLibUrlLongTasks: Math.max(...relative.map((r) => r.longTasks)),
            offscreenPathMedianMs: Math.round(median(offscreen.map((o) => o.ms))),
          },
        },
        {
          id: "d2",
          label: "compressed photo size",
          value: kb,
          unit: "KB",
          target: "150-300 KB",
          pass: kb >= 150 && kb <= 300,
          details: {
            output: runs[0]!.size,
            grainyPhoto: `${mb(grainyBytes)} MB -> ${Math.round(grainy!.bytes / 1000)} KB`,
          },
        },
        {
          id: "d3",
          label: "main-thread long tasks while compressing (worst run)",
          value: longTasks,
          unit: "tasks",
          target: "0",
          pass: longTasks === 0,
          details: { longestTaskMs: Math.round(Math.max(...runs.map((r) => r.longestTaskMs))) },
        },
      ];
      return figures;
    }),
};

export default photoCompression;
