// The blob store of the embedded default: files under <root> (RS_DATA_DIR/blobs), a folder to
// copy as it is.
//   <root>/<2 first characters of the key>/<key>   complete blobs
//   <root>/partial/<attachment id>                  uploads in progress, written in place
//   <root>/tmp/<random>                             blobs being written
// A blob is written to tmp/, flushed to disk, checked, then renamed under its key: a crash never
// leaves a half-written file under a key. What a crash leaves in tmp/ is never read, and is
// deleted once it is an hour old (the first write of each process looks).
import "server-only";
import { randomUUID } from "node:crypto";
import { constants, createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  type BlobSource,
  type BlobStore,
  type ByteRange,
  type Listed,
  BlobMismatch,
  BlobMissing,
  type Expected,
  hashingCounter,
  newBlobKey,
  sameContent,
  toReadable,
} from "./blob-store";

const STALE_TEMP_MS = 60 * 60 * 1000;
const KEY = /^[0-9a-f-]{36}$/;
const KEY_FOLDER = /^[0-9a-f]{2}$/;

export function createFileBlobStore(
  root: string,
): BlobStore & { root: string; cleanTemp(now?: Date): Promise<number> } {
  const tmpDir = path.join(root, "tmp");
  const partialDir = path.join(root, "partial");
  const blobPath = (key: string) => {
    // Keys are ours (uuids); anything else would name a path outside the store.
    if (!KEY.test(key)) throw new BlobMissing(key);
    return path.join(root, key.slice(0, 2), key);
  };
  const partialPath = (uploadId: string) => {
    if (!KEY.test(uploadId)) throw new Error(`Not an upload id: ${uploadId}`);
    return path.join(partialDir, uploadId);
  };
  let cleaned: Promise<number> | undefined;

  async function cleanTemp(now = new Date()): Promise<number> {
    let removed = 0;
    for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
      const file = path.join(tmpDir, name);
      const info = await stat(file).catch(() => null);
      if (info && now.getTime() - info.mtimeMs > STALE_TEMP_MS) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** The files of `dir` named as keys, with their size and time; none when the folder is not there. */
  async function listed(dir: string, keep: (name: string) => boolean): Promise<Listed[]> {
    const page: Listed[] = [];
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!KEY.test(name) || !keep(name)) continue;
      // Gone since the folder was read (deleted, or dropped at the end of an upload): not listed.
      const info = await stat(path.join(dir, name)).catch(() => null);
      if (info?.isFile()) page.push({ key: name, sizeBytes: info.size, writtenAt: info.mtime });
    }
    return page;
  }

  async function syncDir(dir: string) {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    kind: "file",
    root,
    cleanTemp,

    async put(source: BlobSource, expected: Expected) {
      await (cleaned ??= cleanTemp().catch(() => 0));
      await mkdir(tmpDir, { recursive: true });
      const temp = path.join(tmpDir, randomUUID());
      try {
        const counter = hashingCounter();
        const out = createWriteStream(temp, { flags: "wx" });
        await pipeline(toReadable(source), counter, out);
        const actual = counter.result();
        if (!sameContent(expected, actual)) throw new BlobMismatch(expected, actual);
        const handle = await open(temp, "r+");
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        const key = newBlobKey();
        const final = blobPath(key);
        await mkdir(path.dirname(final), { recursive: true });
        await rename(temp, final);
        await syncDir(path.dirname(final));
        return key;
      } finally {
        await rm(temp, { force: true });
      }
    },

    async open(key: string, range?: ByteRange) {
      const file = blobPath(key);
      const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
        throw error.code === "ENOENT" ? new BlobMissing(key) : error;
      });
      return createReadStream(file, { fd: handle, start: range?.start, end: range?.end });
    },

    async exists(key: string) {
      // Only "no such file" means absent: an unreadable or vanished folder is an error, not "no".
      const info = await stat(blobPath(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
        throw error;
      });
      return info?.isFile() ?? false;
    },

    async probe() {
      // The folder itself, never created here: a volume that is not mounted must not look healthy.
      if (!(await stat(root)).isDirectory()) throw new Error("The blob store's folder is not a folder.");
      await access(root, constants.R_OK | constants.W_OK);
    },

    async delete(key: string) {
      await rm(blobPath(key), { force: true });
    },

    async writePartial(uploadId: string, offset: number, bytes: Uint8Array) {
      const file = partialPath(uploadId);
      await mkdir(partialDir, { recursive: true });
      const handle = await open(file, offset === 0 ? "w" : "r+").catch((error: NodeJS.ErrnoException) => {
        throw error.code === "ENOENT" ? new BlobMissing(`partial/${uploadId}`) : error;
      });
      try {
        if ((await handle.stat()).size < offset) throw new BlobMissing(`partial/${uploadId}`);
        await handle.write(bytes, 0, bytes.length, offset);
        await handle.truncate(offset + bytes.length);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },

    async openPartial(uploadId: string, length: number): Promise<Readable> {
      const file = partialPath(uploadId);
      const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
        throw error.code === "ENOENT" ? new BlobMissing(`partial/${uploadId}`) : error;
      });
      // Fewer bytes than the database counts: the store lost some, which is not the content's fault.
      const size = (await handle.stat()).size;
      if (length === 0 || size < length) {
        await handle.close();
        if (size < length) throw new BlobMissing(`partial/${uploadId}`);
        return toReadable(new Uint8Array());
      }
      return createReadStream(file, { fd: handle, start: 0, end: length - 1 });
    },

    async dropPartial(uploadId: string) {
      await rm(partialPath(uploadId), { force: true });
    },

    // A page per key folder (<root>/ab/), each at most 1/256th of the blobs.
    async *listBlobs() {
      const folders = (await readdir(root).catch(() => [] as string[])).filter((name) => KEY_FOLDER.test(name));
      for (const folder of folders.sort()) {
        const page = await listed(path.join(root, folder), (name) => name.startsWith(folder));
        if (page.length > 0) yield page;
      }
    },

    async *listPartials() {
      const page = await listed(partialDir, () => true);
      if (page.length > 0) yield page;
    },
  };
}
