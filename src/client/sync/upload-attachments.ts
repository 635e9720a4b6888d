// Uploads every attachment whose record is on the server, a few at a time (3 by default: more
// only splits a weak uplink further, fewer leaves it idle during each request's round trip).
import type { RsDb } from "../store/db";
import { uploadsDue } from "../store/upload-state";
import { type UploadDeps, type UploadOutcome, uploadAttachment } from "./upload-attachment";

export type UploadSummary = Record<UploadOutcome, number>;

export type UploadAllOptions = Omit<UploadDeps, "onBytes"> & {
  concurrency?: number;
  onProgress?: (uploadedBytes: number, totalBytes: number) => void;
};

export async function uploadAttachments(db: RsDb, options: UploadAllOptions): Promise<UploadSummary> {
  const due = await uploadsDue(db);
  const summary: UploadSummary = { confirmed: 0, waiting: 0, retry: 0, refused: 0 };
  const received = new Map(due.map((row) => [row.id, row.uploadedBytes]));
  const totalBytes = due.reduce((sum, row) => sum + row.size, 0);
  const report = () =>
    options.onProgress?.(
      [...received.values()].reduce((a, b) => a + b, 0),
      totalBytes,
    );
  report();
  const deps: UploadDeps = {
    ...options,
    onBytes: (id, bytes) => {
      received.set(id, bytes);
      report();
    },
  };
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < due.length) {
      const row = due[next++]!;
      try {
        summary[await uploadAttachment(db, row, deps)] += 1;
      } catch (error) {
        stopped = true; // session expired: the other workers stop after their current file
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 3) }, worker));
  return summary;
}
