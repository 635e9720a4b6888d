// The photo checks' worker: decodes, shrinks and measures a photo off the main thread, so a
// 12-megapixel (or a 50-megapixel) photo never stalls the screen. Bundled on its own by
// scripts/build-service-worker.mjs into public/photo-checks-worker.js (precached for offline).
import { photoStats } from "./photo-stats";

export type PhotoChecksRequest = { id: number; blob: Blob };
export type PhotoChecksAnswer =
  { id: number; ok: true; stats: Awaited<ReturnType<typeof photoStats>> } | { id: number; ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PhotoChecksRequest>) => void) | null;
  postMessage(answer: PhotoChecksAnswer): void;
};

scope.onmessage = (event) => {
  const { id, blob } = event.data;
  photoStats(blob).then(
    (stats) => scope.postMessage({ id, ok: true, stats }),
    (error: unknown) =>
      scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : "unreadable" }),
  );
};
