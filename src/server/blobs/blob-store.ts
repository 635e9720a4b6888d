// Where the bytes of photos, voice notes and signatures live: a folder (file-blob-store.ts) or an
// S3 bucket (s3-blob-store.ts), never PostgreSQL. Complete blobs are named by an internal id the
// store hands out (never the sha256: that names content to anyone who holds it); an upload in
// progress is kept under its attachment's id until it is complete and checked.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Readable, Transform } from "node:stream";

export type Expected = { sha256: string; sizeBytes: number };
/** Byte offsets, both inclusive (as in an HTTP Range header). */
export type ByteRange = { start: number; end: number };
export type BlobSource = Uint8Array | Readable | AsyncIterable<Uint8Array>;
/** What a listing of the store says of one complete blob, or of one upload in progress (its id). */
export type Listed = { key: string; sizeBytes: number; writtenAt: Date };

export interface BlobStore {
  readonly kind: "file" | "s3";
  /**
   * Stores `source` under a new internal key and returns it, once its bytes were counted and
   * hashed on the way: content that does not match `expected` is never left under a key
   * (throws BlobMismatch).
   */
  put(source: BlobSource, expected: Expected): Promise<string>;
  /** The blob's bytes, or those of `range`; throws BlobMissing when the key holds nothing. */
  open(key: string, range?: ByteRange): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Throws unless the store can be read and written now (the folder is there and writable; the bucket answers). */
  probe(): Promise<void>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;

  /**
   * Writes one chunk of an upload in progress at `offset`; whatever it held beyond is dropped
   * (a chunk whose database write rolled back is simply written again). Throws BlobMissing when
   * the upload holds fewer than `offset` bytes.
   */
  writePartial(uploadId: string, offset: number, bytes: Uint8Array): Promise<void>;
  /** The first `length` bytes of an upload in progress (the database says how many count); throws
   * BlobMissing when it holds fewer. */
  openPartial(uploadId: string, length: number): Promise<Readable>;
  dropPartial(uploadId: string): Promise<void>;

  /** Every complete blob, a page at a time, in no promised order (the orphan sweep reads it). */
  listBlobs(): AsyncIterable<Listed[]>;
  /** Every upload in progress by its id: its bytes, and when its last chunk was written. */
  listPartials(): AsyncIterable<Listed[]>;
}

export class BlobMismatch extends Error {
  override name = "BlobMismatch";
  constructor(
    readonly expected: Expected,
    readonly actual: Expected,
  ) {
    super(
      `The content is ${actual.sizeBytes} bytes with sha256 ${actual.sha256}; ${expected.sizeBytes} bytes with sha256 ${expected.sha256} were expected.`,
    );
  }
}

export class BlobMissing extends Error {
  override name = "BlobMissing";
  constructor(readonly key: string) {
    super(`The blob store holds nothing under ${key}.`);
  }
}

export const newBlobKey = (): string => randomUUID();

export function toReadable(source: BlobSource): Readable {
  if (source instanceof Readable) return source;
  if (source instanceof Uint8Array)
    return Readable.from([Buffer.from(source.buffer, source.byteOffset, source.length)]);
  return Readable.from(source);
}

/** A pass-through that hashes and counts what flows through it; `result()` once it ended. */
export function hashingCounter(): Transform & { result(): Expected } {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  let digest: string | undefined;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(transform, {
    result: (): Expected => ({ sha256: (digest ??= hash.digest("hex")), sizeBytes }),
  });
}

export function sameContent(expected: Expected, actual: Expected): boolean {
  return expected.sha256 === actual.sha256 && expected.sizeBytes === actual.sizeBytes;
}

/** The sha256 and size of a stream's bytes, and its first `headBytes` bytes. */
export async function digestOf(stream: Readable, headBytes = 0): Promise<Expected & { head: Uint8Array }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const head: Buffer[] = [];
  let headLength = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
    if (headLength < headBytes) {
      head.push(chunk.subarray(0, headBytes - headLength));
      headLength += Math.min(chunk.length, headBytes - headLength);
    }
  }
  return { sha256: hash.digest("hex"), sizeBytes, head: Buffer.concat(head) };
}
