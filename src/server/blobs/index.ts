// The process's one blob store, chosen by the settings: S3 when S3_URL is set (with its three
// companions, src/server/config.ts), else files under RS_DATA_DIR/blobs, beside the embedded
// database. Tests, scripts and the bench hand their own with setBlobStore.
import "server-only";
import path from "node:path";
import { type ServerConfig, config } from "../config";
import type { BlobStore } from "./blob-store";
import { createFileBlobStore } from "./file-blob-store";
import { createS3BlobStore } from "./s3-blob-store";

export * from "./blob-store";
export { createFileBlobStore } from "./file-blob-store";
export { createS3BlobStore } from "./s3-blob-store";

export function blobStoreFor(settings: ServerConfig): BlobStore {
  const { S3_URL, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = settings;
  if (S3_URL && S3_BUCKET && S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY) {
    return createS3BlobStore({
      url: S3_URL,
      bucket: S3_BUCKET,
      accessKeyId: S3_ACCESS_KEY_ID,
      secretAccessKey: S3_SECRET_ACCESS_KEY,
    });
  }
  return createFileBlobStore(path.resolve(settings.RS_DATA_DIR, "blobs"));
}

const globalForBlobs = globalThis as unknown as { rsBlobStore?: BlobStore };

export function blobStore(): BlobStore {
  return (globalForBlobs.rsBlobStore ??= blobStoreFor(config()));
}

export function setBlobStore(store: BlobStore): void {
  globalForBlobs.rsBlobStore = store;
}
