// The blob store of integration tests: files in a fresh temporary folder (the embedded default),
// and helpers to read bytes back from it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { createFileBlobStore, setBlobStore } from "~/server/blobs";

export type TestFileStore = ReturnType<typeof createFileBlobStore> & { remove(): void };

/** A file store in a new temporary folder, made the process's blob store. */
export function installTempFileStore(): TestFileStore {
  const root = mkdtempSync(path.join(tmpdir(), "rs-blobs-"));
  const store = createFileBlobStore(root);
  setBlobStore(store);
  return Object.assign(store, { remove: () => rmSync(root, { recursive: true, force: true }) });
}

export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
