// Benchmark hook (only with /walk?bench=1, loaded on demand): drives the real store and
// uploader from a Playwright benchmark, timing inside the page. See bench/modules/.
import { inspectPhoto } from "~/client/capture/inspect-photo";
import { sha256Hex } from "~/client/capture/sha256";
import { captureRepair } from "~/client/store/capture-repair";
import { rsDb } from "~/client/store/db";
import { deviceId } from "~/client/store/device-id";
import { loadPreparedSnapshot, savePreparedSnapshot } from "~/client/store/prepared-snapshot";
import { startWalk } from "~/client/store/start-walk";
import { pushOutbox } from "~/client/sync/push-outbox";
import { trpcSyncTransport } from "~/client/sync/trpc-transport";
import { uploadAttachments } from "~/client/sync/upload-attachments";

export type RsBench = {
  setup(): Promise<{ walkId: string; customerId: string }>;
  saveRepair(): Promise<number>;
  queueUploads(count: number, bytes: number): Promise<{ totalBytes: number }>;
  uploadAll(): Promise<{ ms: number; confirmed: number; retry: number }>;
  /** The photo checks on a 12 MP JPEG made in the page: their time and the main thread's long tasks meanwhile. */
  inspectTwelveMegapixels(): Promise<{ ms: number; bytes: number; longTasks: number; longestTaskMs: number }>;
};

declare global {
  interface Window {
    __rsBench?: RsBench;
  }
}

/** A 4000×3000 phone-like JPEG: a lot under a sky, vehicles, and sensor grain. */
async function twelveMegapixelPhoto(): Promise<Blob> {
  let seed = 12;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const canvas = new OffscreenCanvas(4000, 3000);
  const ctx = canvas.getContext("2d")!;
  const sky = ctx.createLinearGradient(0, 0, 0, 3000);
  sky.addColorStop(0, "#8fb8de");
  sky.addColorStop(0.45, "#70757a");
  sky.addColorStop(1, "#35383b");
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, 4000, 3000);
  for (let i = 0; i < 60; i++) {
    ctx.fillStyle = `hsl(${Math.floor(random() * 360)} 40% ${Math.floor(20 + random() * 60)}%)`;
    ctx.fillRect(random() * 3800, 1200 + random() * 1600, 300 + random() * 600, 150 + random() * 300);
  }
  const grain = new ImageData(1000, 750);
  for (let i = 0; i < grain.data.length; i += 4)
    grain.data.fill(Math.floor(random() * 255), i, i + 3).fill(40, i + 3, i + 4);
  const tile = new OffscreenCanvas(1000, 750);
  tile.getContext("2d")!.putImageData(grain, 0, 0);
  ctx.drawImage(tile, 0, 0, 4000, 3000);
  return canvas.convertToBlob({ type: "image/jpeg", quality: 0.92 });
}

function randomPhoto(bytes: number): Blob {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 65_536) crypto.getRandomValues(data.subarray(i, Math.min(i + 65_536, bytes)));
  // A JPEG's first bytes: the server checks a file's content against its declared type.
  data.set([0xff, 0xd8, 0xff, 0xe0]);
  return new Blob([data], { type: "image/jpeg" });
}

export function installBenchHook(): void {
  const db = rsDb();
  let walk: { walkId: string; customerId: string } | null = null;
  let samePhotos: { blob: Blob; sha256: string }[] = [];
  const draft = (photos: { blob: Blob; sha256: string }[]) => ({
    walkId: walk!.walkId,
    customerId: walk!.customerId,
    unitNumber: `BENCH-${Math.floor(Math.random() * 1e6)}`,
    jobId: crypto.randomUUID(),
    breakIndex: 0,
    damageType: "CHIP" as const,
    photos: photos.map((p) => ({ ...p, mimeType: "image/jpeg", stage: "DAMAGE" as const })),
    completedOnSpot: false,
  });

  window.__rsBench = {
    async setup() {
      await savePreparedSnapshot(db, await trpcSyncTransport().prepare());
      const prepared = (await loadPreparedSnapshot(db))!.walks[0];
      if (!prepared) throw new Error("The benchmark user has no walk to start.");
      await startWalk(db, { walkId: prepared.id, customerId: prepared.customerId });
      walk = { walkId: prepared.id, customerId: prepared.customerId };
      samePhotos = await Promise.all(
        [0, 1].map(async () => {
          const blob = randomPhoto(200_000);
          return { blob, sha256: await sha256Hex(blob) };
        }),
      );
      return walk;
    },
    async saveRepair() {
      const input = draft(samePhotos);
      const started = performance.now();
      await captureRepair(db, input);
      return performance.now() - started;
    },
    async queueUploads(count, bytes) {
      for (let i = 0; i < count; i++) {
        const blob = randomPhoto(bytes);
        await captureRepair(db, draft([{ blob, sha256: await sha256Hex(blob) }]));
      }
      await pushOutbox(db, trpcSyncTransport(), { deviceId: await deviceId(db) });
      const due = await db.blobs.where("confirmed").equals(0).toArray();
      return { totalBytes: due.reduce((sum, b) => sum + b.size, 0) };
    },
    async inspectTwelveMegapixels() {
      const photo = await twelveMegapixelPhoto();
      const longTasks: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
      observer.observe({ type: "longtask" });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      await inspectPhoto(photo);
      const ended = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 200));
      observer.disconnect();
      const during = longTasks.filter((t) => t.startTime + t.duration > started && t.startTime < ended);
      return {
        ms: ended - started,
        bytes: photo.size,
        longTasks: during.length,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      };
    },
    async uploadAll() {
      const started = performance.now();
      const summary = await uploadAttachments(db, { fetch: (input, init) => fetch(input, init) });
      return { ms: performance.now() - started, confirmed: summary.confirmed, retry: summary.retry };
    },
  };
}
