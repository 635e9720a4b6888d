// Benchmark hook (only with /walk?bench=1, loaded on demand): drives the real store and
// uploader from a Playwright benchmark, timing inside the page. See bench/modules/.
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
};

declare global {
  interface Window {
    __rsBench?: RsBench;
  }
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
    async uploadAll() {
      const started = performance.now();
      const summary = await uploadAttachments(db, { fetch: (input, init) => fetch(input, init) });
      return { ms: performance.now() - started, confirmed: summary.confirmed, retry: summary.retry };
    },
  };
}
