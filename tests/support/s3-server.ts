// An S3-protocol server (s3rver) in this process, on a free loopback port, with one bucket: the
// S3 blob store is tested against it, never against a mock.
import { mkdtempSync, rmSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "@20minutes/s3rver";
import type { S3Settings } from "~/server/blobs/s3-blob-store";

export type TestS3Server = { settings: S3Settings; stop(): Promise<void> };

export async function startS3Server(bucket = "rs-test"): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), "rs-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
    // s3rver signs a bucket's listing over "/bucket" where the SDK (and S3) sign "/bucket/": its
    // bug, not ours. The access key is still checked.
    allowMismatchedSignatures: true,
  });
  keepDirectoriesOnDelete(server);
  const { port } = await server.run();
  return {
    // s3rver's built-in account.
    settings: { url: `http://127.0.0.1:${port}`, bucket, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

type FilesystemStore = {
  getResourcePath(bucket: string, key: string, resource: string): string;
  deleteObject(bucket: string, key: string): Promise<void>;
};

/**
 * s3rver deletes an object's files, then removes its folder and each parent found empty, with
 * an asynchronous recursive rm: an object written meanwhile into that folder (another upload's
 * chunk under partial/) is deleted with it, and its PUT had already answered 200. Real S3 has
 * no folders; here they are simply left (empty folders list nothing).
 */
function keepDirectoriesOnDelete(server: S3rver) {
  const store = (server as unknown as { store: FilesystemStore }).store;
  store.deleteObject = async (bucket, key) => {
    await Promise.all(
      ["object", "object.md5", "metadata.json"].map((resource) =>
        unlink(store.getResourcePath(bucket, key, resource)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        }),
      ),
    );
  };
}

/** The settings as environment variables, for an app instance started as its own process. */
export function s3Environment(server: TestS3Server): Record<string, string> {
  const { url, bucket, accessKeyId, secretAccessKey } = server.settings;
  return { S3_URL: url, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey };
}
