// The backup file: a gzipped tar (ustar) that `tar tzf` lists, written and read as streams so a
// large blob store never sits in memory. Members come first, each hashed as it is written;
// manifest.json comes last and names every member with its size and sha256, so a reader checks
// the whole file before trusting any of it.
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

export const MANIFEST = "manifest.json";
export const FORMAT_VERSION = 1;

export type MemberDigest = { name: string; sizeBytes: number; sha256: string };

export type Manifest = {
  format: "rs-systems-backup";
  formatVersion: number;
  createdAt: string;
  /** The last migration applied to the database saved. */
  migration: string | null;
  database: { kind: "embedded" | "postgresql"; member: string };
  /** Rows per table, counted in the same snapshot as the dump. */
  counts: { tables: Record<string, number>; blobs: number; partialUploads: number };
  members: MemberDigest[];
};

export class ArchiveDamaged extends Error {
  override name = "ArchiveDamaged";
}

const BLOCK = 512;
/** ustar's size field: 11 octal digits. */
const MAX_MEMBER_BYTES = 8 ** 11 - 1;

function header(name: string, sizeBytes: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`Member name too long for the archive: ${name}`);
  if (sizeBytes > MAX_MEMBER_BYTES) throw new Error(`Member too large for the archive: ${name}`);
  const block = Buffer.alloc(BLOCK);
  const field = (offset: number, length: number, value: string) => block.write(value, offset, length, "ascii");
  const octal = (value: number, digits: number) => value.toString(8).padStart(digits, "0");
  block.write(name, 0, 100, "utf8");
  field(100, 8, `${octal(0o644, 7)}\0`);
  field(108, 8, `${octal(0, 7)}\0`);
  field(116, 8, `${octal(0, 7)}\0`);
  field(124, 12, `${octal(sizeBytes, 11)}\0`);
  field(136, 12, `${octal(Math.floor(Date.now() / 1000), 11)}\0`);
  field(148, 8, "        ");
  field(156, 1, "0");
  field(257, 8, "ustar\u000000");
  let sum = 0;
  for (const byte of block) sum += byte;
  field(148, 8, `${octal(sum, 6)}\0 `);
  return block;
}

const padding = (sizeBytes: number) => Buffer.alloc((BLOCK - (sizeBytes % BLOCK)) % BLOCK);

export type ArchiveWriter = {
  /** Streams one member; its size must be known before (tar writes it first). */
  add(name: string, sizeBytes: number, source: AsyncIterable<Uint8Array> | Uint8Array): Promise<MemberDigest>;
  /** Writes the manifest (with the digests of every member added) and closes the file. */
  finish(manifest: Omit<Manifest, "members">): Promise<Manifest>;
  abort(): void;
};

export function writeArchive(file: string): ArchiveWriter {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  done.catch(() => {});
  const members: MemberDigest[] = [];
  const write = (chunk: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      gzip.write(chunk, (error) => (error ? reject(error) : resolve()));
    });

  async function add(name: string, sizeBytes: number, source: AsyncIterable<Uint8Array> | Uint8Array) {
    await write(header(name, sizeBytes));
    const hash = createHash("sha256");
    let written = 0;
    for await (const chunk of source instanceof Uint8Array ? [source] : source) {
      written += chunk.length;
      if (written > sizeBytes) break;
      hash.update(chunk);
      await write(chunk);
    }
    if (written !== sizeBytes)
      throw new Error(`${name}: ${written} bytes were read where ${sizeBytes} were expected; the backup stopped.`);
    await write(padding(sizeBytes));
    const digest = { name, sizeBytes, sha256: hash.digest("hex") };
    members.push(digest);
    return digest;
  }

  async function finish(partial: Omit<Manifest, "members">): Promise<Manifest> {
    const manifest: Manifest = { ...partial, members };
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await write(header(MANIFEST, bytes.length));
    await write(bytes);
    await write(padding(bytes.length));
    // Two empty blocks end a tar file.
    await write(Buffer.alloc(2 * BLOCK));
    gzip.end();
    await done;
    return manifest;
  }

  return { add, finish, abort: () => gzip.destroy() };
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private ended = false;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(atLeast: number): Promise<boolean> {
    while (this.length < atLeast && !this.ended) {
      const next = await this.source.next();
      if (next.done) this.ended = true;
      else {
        this.buffered.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= atLeast;
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  async exactly(n: number): Promise<Buffer | null> {
    return (await this.fill(n)) ? this.take(n) : null;
  }

  /** The next 1 to `max` bytes. */
  async piece(max: number): Promise<Buffer> {
    if (!(await this.fill(1))) throw new ArchiveDamaged("The archive ends in the middle of a member.");
    return this.take(Math.min(max, this.length));
  }
}

export type ArchiveEntry = { name: string; sizeBytes: number; body: AsyncIterable<Buffer> };

/**
 * Every member in order. A body not read by the caller is skipped. Throws ArchiveDamaged when the
 * file is not a gzipped tar or stops short.
 */
export async function* readArchive(file: string): AsyncGenerator<ArchiveEntry> {
  const gunzip = createReadStream(file).pipe(createGunzip());
  const reader = new ByteReader((gunzip as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
  try {
    for (;;) {
      const block = await reader.exactly(BLOCK);
      if (!block) throw new ArchiveDamaged("The archive ends before its manifest.");
      if (block.every((byte) => byte === 0)) return;
      if (block.toString("ascii", 257, 262) !== "ustar") throw new ArchiveDamaged("This is not a backup archive.");
      const name = block.toString("utf8", 0, 100).replace(/\0.*$/s, "");
      const sizeBytes = parseInt(block.toString("ascii", 124, 136).replace(/\0.*$/s, "").trim(), 8);
      if (!Number.isSafeInteger(sizeBytes)) throw new ArchiveDamaged(`The archive's header of ${name} is damaged.`);
      let left = sizeBytes;
      const body = (async function* () {
        while (left > 0) {
          const piece = await reader.piece(left);
          left -= piece.length;
          yield piece;
        }
      })();
      yield { name, sizeBytes, body };
      // What the caller did not read.
      while (left > 0) left -= (await reader.piece(left)).length;
      const skip = padding(sizeBytes).length;
      if (skip && !(await reader.exactly(skip)))
        throw new ArchiveDamaged("The archive ends in the middle of a member.");
    }
  } catch (error) {
    if (error instanceof ArchiveDamaged) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith("Z_") || code === "ERR_STREAM_PREMATURE_CLOSE")
      throw new ArchiveDamaged(`The archive is damaged (${(error as Error).message}).`);
    throw error;
  } finally {
    gunzip.destroy();
  }
}
