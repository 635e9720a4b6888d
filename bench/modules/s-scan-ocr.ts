// Figures s: identifying a unit by camera on /walk, with the project's own fixtures.
// (s) a 12-megapixel still of an asset tag's QR (tests/fixtures/scan, set large on a grey frame in
// the page) decoded by the scanning worker (public/scan/scan-worker.js: the browser's detector or
// ZXing's WebAssembly) at 4x CPU slowdown: median ms of 5 after a warm-up, and the main thread's
// long tasks meanwhile (target <= 300 ms, 0 long tasks). The slowdown is support/renderer-throttle.ts:
// the renderer processes are held stopped 3 ms for each ms of CPU they use, the worker's included.
// CDP's setCPUThrottlingRate slowed only the page's main thread (a worker under it ran at full
// speed, and Chromium refuses it on a worker's own session). The details give the worker's own time
// at full speed and the throttle's check (ms held stopped per CPU ms used: 3 when it kept up; what it
// still owed when the answer came is added to the run's time).
// (s4) the same for a 12 MP photo with no code (a vehicle photo, noise added as a camera's): the
// worker's every look, until "nothing found".
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { withBenchPage } from "../support/bench-page";
import { median } from "../support/browser";
import { rendererPids, throttleRenderers, type ThrottleTally } from "../support/renderer-throttle";
import type { BenchFigure, BenchModule } from "../types";

const SCAN_FIXTURE = path.resolve("tests/fixtures/scan/asset-tag-qr-rotated-blurred.jpg");
const NO_CODE_PHOTO = path.resolve("tests/fixtures/ocr/white-box-truck-straight.jpg");
/** Photos and the number painted on each (SR-105 is a demo unit; 4521 is read but is no unit there). */
const OCR_FIXTURES = [
  ["white-box-truck-straight.jpg", "SR-105"],
  ["dark-trailer-soft.jpg", "SR-105"],
  ["red-cab-door-straight.jpg", "4521"],
].map(([file, painted]) => ({ file: path.resolve("tests/fixtures/ocr", file!), painted: painted! }));
const RUNS = 5;

type DecodeRun = {
  ms: number;
  workerMs: number;
  found: string[];
  longTasks: number;
  megapixels: number;
  tally?: ThrottleTally;
};

/**
 * Makes a 4000 × 3000 still in the page (kept for the next decode): the fixture set on a grey frame,
 * or (noCode) a photo stretched over the frame with noise added, which a JPEG keeps (3-4 MB, as a camera's).
 */
function prepareTwelveMegapixels(page: Page, base64: string, noCode = false): Promise<void> {
  return page.evaluate(
    async ({ base64, noCode }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const picture = await createImageBitmap(new Blob([bytes], { type: "image/jpeg" }));
      const canvas = new OffscreenCanvas(4000, 3000);
      const ctx = canvas.getContext("2d")!;
      if (noCode) {
        ctx.drawImage(picture, 0, 0, 4000, 3000);
        const pixels = ctx.getImageData(0, 0, 4000, 3000);
        let seed = 1;
        for (let i = 0; i < pixels.data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          const n = (seed % 25) - 12;
          for (let k = 0; k < 3; k++) pixels.data[i + k] = pixels.data[i + k]! + n;
        }
        ctx.putImageData(pixels, 0, 0);
      } else {
        ctx.fillStyle = "#8c8c88";
        ctx.fillRect(0, 0, 4000, 3000);
        ctx.drawImage(picture, 1400, 900, picture.width * 2.5, picture.height * 2.5);
      }
      const w = window as unknown as { __scanBenchStill?: Blob };
      w.__scanBenchStill = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.9 });
    },
    { base64, noCode },
  );
}

/**
 * Decodes the prepared still in a scanning worker of the page's own; returns as soon as the answer is
 * in, so that a throttle can be ended right then (the long tasks are read by longTasksSince).
 */
function decodeTwelveMegapixels(page: Page, warm: boolean): Promise<DecodeRun> {
  return page.evaluate(
    async ({ warm }) => {
      const w = window as unknown as {
        __scanBenchWorker?: Worker;
        __scanBenchStill: Blob;
        __scanBenchObserver?: PerformanceObserver;
        __scanBenchLongTasks: number;
      };
      const still = w.__scanBenchStill;
      w.__scanBenchWorker ??= new Worker("/scan/scan-worker.js");
      const worker = w.__scanBenchWorker;
      // No named functions in here: the bench's TypeScript loader would wrap them in a helper the page lacks.
      type Answer = { ok: boolean; codes?: { value: string }[]; error?: string; ms?: number };
      if (warm)
        await new Promise<Answer>((resolve) => {
          worker.onmessage = (event) => resolve(event.data as Answer);
          worker.postMessage({ id: 0, kind: "warm" });
        });
      // A browser without long task entries would count 0 whatever happened: refuse rather than pass.
      if (!PerformanceObserver.supportedEntryTypes.includes("longtask")) throw new Error("no longtask entries");
      w.__scanBenchObserver?.disconnect();
      w.__scanBenchLongTasks = 0;
      w.__scanBenchObserver = new PerformanceObserver((list) => (w.__scanBenchLongTasks += list.getEntries().length));
      w.__scanBenchObserver.observe({ type: "longtask" });
      const started = performance.now();
      const answer = await new Promise<Answer>((resolve) => {
        worker.onmessage = (event) => resolve(event.data as Answer);
        worker.postMessage({ id: 1, kind: "decode", image: still });
      });
      const ms = performance.now() - started;
      if (!answer.ok) throw new Error(answer.error);
      const found = (answer.codes ?? []).map((c) => c.value);
      return { ms, workerMs: answer.ms ?? 0, found, longTasks: 0, megapixels: 12 };
    },
    { warm },
  );
}

/** The main thread's long tasks since the last decode began. */
function longTasksSince(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const w = window as unknown as { __scanBenchObserver: PerformanceObserver; __scanBenchLongTasks: number };
    await new Promise((r) => setTimeout(r, 100)); // the observer's last entries
    w.__scanBenchObserver.disconnect();
    return w.__scanBenchLongTasks;
  });
}

/**
 * `runs` decodes of the prepared still: at full speed, or with the renderers slowed 4x during each
 * decode. A slowed run's time includes what the throttle still owed when the answer came (see owedMs).
 */
async function decodeRuns(page: Page, runs: number, slowed: number[] | null): Promise<DecodeRun[]> {
  const done: DecodeRun[] = [];
  for (let i = 0; i < runs; i++) {
    const stop = slowed ? throttleRenderers(slowed, 4) : null;
    try {
      const run = await decodeTwelveMegapixels(page, false);
      const tally = stop?.();
      done.push({ ...run, ms: run.ms + (tally?.owedMs ?? 0), tally, longTasks: await longTasksSince(page) });
    } finally {
      stop?.();
    }
  }
  return done;
}

/** Ms held stopped per CPU ms the renderers used, over the runs: 3 when the 4x throttle kept up (before owedMs). */
function stoppedPerCpuMs(runs: DecodeRun[]): number {
  const cpu = runs.reduce((sum, r) => sum + (r.tally?.cpuMs ?? 0), 0);
  const stopped = runs.reduce((sum, r) => sum + (r.tally?.stoppedMs ?? 0), 0);
  return Math.round((stopped / Math.max(1, cpu)) * 100) / 100;
}

const scanOcr: BenchModule = {
  name: "scan decode of a 12 MP still and OCR of a painted number",
  run: (env) =>
    withBenchPage(env, "scan-ocr", async (page) => {
      const firstUse = { scanner: 0, ocr: 0, chunks: 0 };
      let counting = false;
      // Bytes as received (the .wasm.js and .traineddata.gz are sent as they are, already compact).
      page.on("response", (response) => {
        if (!counting || response.status() !== 200) return;
        const where = new URL(response.url()).pathname;
        void response.body().then(
          (body) => {
            if (where.startsWith("/scan/ocr/")) firstUse.ocr += body.length;
            else if (where.startsWith("/scan/")) firstUse.scanner += body.length;
            else if (where.startsWith("/_next/static/")) firstUse.chunks += body.length;
          },
          () => undefined,
        );
      });
      await page.goto("/walk");
      await page.getByRole("button", { name: /^Continue walk at/ }).click();
      await page.getByRole("button", { name: "Scan" }).waitFor();
      counting = true;
      await page.getByRole("button", { name: "Scan" }).click();
      await page.getByRole("button", { name: "Photo of a painted number" }).waitFor();
      await page
        .waitForResponse((r) => r.url().endsWith("/scan/zxing_reader.wasm"), { timeout: 60_000 })
        .catch(() => {});

      // (s2) OCR through the screen: the first read loads the reader; then timed reads.
      const read = async ({ file, painted }: { file: string; painted: string }) => {
        const started = Date.now();
        await page.getByTestId("ocr-file").setInputFiles(file);
        await page.getByRole("button", { name: "Not this", exact: true }).waitFor({ timeout: 120_000 });
        const ms = Date.now() - started;
        const proposal = (await page.getByRole("group", { name: "Read from the photo" }).textContent()) ?? "";
        await page.getByRole("button", { name: "Not this", exact: true }).click();
        return { ms, proposal, right: proposal.includes(`Read “${painted}”`) };
      };
      const first = await read(OCR_FIXTURES[0]!);
      await new Promise((r) => setTimeout(r, 1500)); // the last bodies counted
      counting = false;
      const reads = [];
      for (const file of OCR_FIXTURES) reads.push(await read(file));

      // (s) the scanning worker on a 12 MP still: at full speed first (the worker's own time), then slowed 4x.
      await prepareTwelveMegapixels(page, readFileSync(SCAN_FIXTURE).toString("base64"));
      await decodeTwelveMegapixels(page, true);
      const fullSpeed = await decodeRuns(page, RUNS, null);
      const renderers = rendererPids(path.join(env.tmpDir, "scan-ocr"));
      const runs = await decodeRuns(page, RUNS, renderers);
      await prepareTwelveMegapixels(page, readFileSync(NO_CODE_PHOTO).toString("base64"), true);
      const emptyFullSpeed = await decodeRuns(page, RUNS, null);
      const emptyRuns = await decodeRuns(page, RUNS, renderers);
      const emptyMs = median(emptyRuns.map((r) => r.ms));
      const emptyLongTasks = Math.max(...emptyRuns.map((r) => r.longTasks));
      const decodeMs = median(runs.map((r) => r.ms));
      const longTasks = Math.max(...runs.map((r) => r.longTasks));
      const decoded = [...fullSpeed, ...runs].every((r) => r.found.includes("FLT-00105"));
      const ocrMs = median(reads.map((r) => r.ms));
      const kb = (n: number) => Math.round(n / 1024);
      const figures: BenchFigure[] = [
        {
          id: "s",
          label: "barcode decode of a 12 MP still, 4x CPU slowdown of page and worker (median of 5)",
          value: Math.round(decodeMs),
          unit: "ms",
          target: "<= 300 ms, 0 long tasks",
          pass: decoded && decodeMs <= 300 && longTasks === 0,
          details: {
            decodedEveryRun: String(decoded),
            longTasksWorstRun: longTasks,
            runsMs: runs.map((r) => Math.round(r.ms)).join(", "),
            workerMsFullSpeed: Math.round(median(fullSpeed.map((r) => r.workerMs))),
            throttleStoppedPerCpuMs: stoppedPerCpuMs(runs),
            owedMsAdded: runs.map((r) => Math.round(r.tally?.owedMs ?? 0)).join(", "),
            rendererCpuMs: runs.map((r) => r.tally?.cpuMs ?? 0).join(", "),
            renderers: renderers.length,
          },
        },
        {
          id: "s4",
          label: "12 MP photo with no code until 'nothing found', 4x CPU slowdown of page and worker (median of 5)",
          value: Math.round(emptyMs),
          unit: "ms",
          target: "well under a second, 0 long tasks",
          pass: emptyRuns.every((r) => r.found.length === 0) && emptyMs <= 1000 && emptyLongTasks === 0,
          details: {
            longTasksWorstRun: emptyLongTasks,
            runsMs: emptyRuns.map((r) => Math.round(r.ms)).join(", "),
            workerMsFullSpeed: Math.round(median(emptyFullSpeed.map((r) => r.workerMs))),
            throttleStoppedPerCpuMs: stoppedPerCpuMs(emptyRuns),
            owedMsAdded: emptyRuns.map((r) => Math.round(r.tally?.owedMs ?? 0)).join(", "),
            rendererCpuMs: emptyRuns.map((r) => r.tally?.cpuMs ?? 0).join(", "),
          },
        },
        {
          id: "s2",
          label: "OCR of a painted unit number through the walk screen (median of 3, after the first read)",
          value: ocrMs,
          unit: "ms",
          target: "<= 2000 ms",
          pass: ocrMs <= 2000 && reads.every((r) => r.right),
          details: {
            firstReadMs: first.ms,
            readsMs: reads.map((r) => r.ms).join(", "),
            proposals: reads.map((r) => r.proposal.replace(/\s+/g, " ").slice(0, 50)).join(" | "),
          },
        },
        {
          id: "s3",
          label: "bytes the scanner and OCR add at first use (none in /walk's first load)",
          value: kb(firstUse.scanner + firstUse.ocr + firstUse.chunks),
          unit: "KB",
          target: "0 KB in the first load (f)",
          pass: true,
          details: { scannerKB: kb(firstUse.scanner), ocrKB: kb(firstUse.ocr), chunksKB: kb(firstUse.chunks) },
        },
      ];
      return figures;
    }),
};

export default scanOcr;
