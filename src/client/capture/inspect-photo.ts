// The photo checks (src/domain/photo-checks.ts) on the phone, right after compression. The
// decoding, shrinking and arithmetic run in a dedicated worker (photo-checks-worker.ts), so the
// main thread only posts the file and reads three numbers back. Where the worker cannot start
// (an old browser, a development server without the built file) the same code runs here.
import {
  type PhotoCheckPolicy,
  type PhotoCheckResult,
  type PhotoStats,
  WARN_ON_EVERY_CHECK,
  checkPhoto,
} from "~/domain";
import type { PhotoChecksAnswer } from "./photo-checks-worker";

export const PHOTO_CHECKS_WORKER_URL = "/photo-checks-worker.js";

type Pending = { resolve: (stats: PhotoStats) => void; reject: (error: Error) => void };
let worker: { post(blob: Blob): Promise<PhotoStats> } | null | undefined;

function startWorker(): typeof worker {
  if (typeof Worker !== "function" || typeof OffscreenCanvas !== "function") return null;
  let instance: Worker;
  try {
    instance = new Worker(PHOTO_CHECKS_WORKER_URL);
  } catch {
    return null;
  }
  const pending = new Map<number, Pending>();
  let next = 0;
  instance.onmessage = (event: MessageEvent<PhotoChecksAnswer>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.ok) waiting?.resolve(answer.stats);
    else waiting?.reject(new Error(answer.message));
  };
  // The file is missing or failed to load: every waiting check, and later ones, fall back here.
  instance.onerror = (event) => {
    event.preventDefault();
    worker = null;
    instance.terminate();
    for (const waiting of pending.values()) waiting.reject(new WorkerUnavailable());
    pending.clear();
  };
  return {
    post: (blob) =>
      new Promise<PhotoStats>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        instance.postMessage({ id, blob });
      }),
  };
}

class WorkerUnavailable extends Error {}

async function statsOf(blob: Blob): Promise<PhotoStats> {
  if (worker === undefined) worker = startWorker();
  if (worker) {
    try {
      return await worker.post(blob);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
    }
  }
  const { photoStats } = await import("./photo-stats");
  return photoStats(blob);
}

/** The checks that did not pass (empty: a good photo). A browser that cannot decode here skips them. */
export async function inspectPhoto(
  blob: Blob,
  policy: PhotoCheckPolicy = WARN_ON_EVERY_CHECK,
): Promise<PhotoCheckResult[]> {
  if (typeof createImageBitmap !== "function") return [];
  return checkPhoto(await statsOf(blob), policy).filter((result) => result.verdict !== "ok");
}
