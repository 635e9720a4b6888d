// The blob store on S3-compatible object storage (S3_URL and its bucket), a bucket to copy as it is.
//   blobs/<key>                            complete blobs
//   partial/<attachment id>/<offset>       the chunks of an upload in progress, one object each
// Chunks (256 kB) are far below S3's 5 MB minimum part, and every server instance must see them,
// so each is its own object: a restart, or another instance, resumes from them. When the upload
// is complete they are streamed, in order, into the final object with a multipart upload
// (5 MB parts), hashed on the way. An object whose bytes do not match is deleted; until the
// database names its key (StoredBlob.storeKey, written after the check) nobody can reach it.
import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
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

export type S3Settings = { url: string; bucket: string; accessKeyId: string; secretAccessKey: string };

const PART_BYTES = 5 * 1024 * 1024;
const OFFSET_DIGITS = 12;

const notFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);

export function createS3BlobStore(settings: S3Settings): BlobStore & { client: S3Client; bucket: string } {
  const client = new S3Client({
    endpoint: settings.url,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // A streamed body has no length to checksum ahead; the sha256 is checked by us instead.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = settings.bucket;
  const blobKey = (key: string) => `blobs/${key}`;
  const partialPrefix = (uploadId: string) => `partial/${uploadId}/`;

  /** The objects under `Prefix`, a listing page (up to 1,000) at a time. */
  async function* listPages(Prefix: string) {
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
      yield page.Contents ?? [];
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async function partialChunks(uploadId: string): Promise<{ key: string; offset: number; size: number }[]> {
    const chunks: { key: string; offset: number; size: number }[] = [];
    for await (const objects of listPages(partialPrefix(uploadId))) {
      for (const object of objects) {
        const offset = Number(object.Key!.slice(partialPrefix(uploadId).length));
        if (Number.isInteger(offset)) chunks.push({ key: object.Key!, offset, size: object.Size ?? 0 });
      }
    }
    return chunks.sort((a, b) => a.offset - b.offset);
  }

  async function getStream(Key: string, range?: ByteRange): Promise<Readable> {
    try {
      const answer = await client.send(
        new GetObjectCommand({ Bucket, Key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (notFound(error)) throw new BlobMissing(Key);
      throw error;
    }
  }

  return {
    kind: "s3",
    client,
    bucket: Bucket,

    async put(source: BlobSource, expected: Expected) {
      const key = newBlobKey();
      const counter = hashingCounter();
      const input = toReadable(source);
      input.once("error", (error) => counter.destroy(error));
      const body = input.pipe(counter);
      await new Upload({ client, params: { Bucket, Key: blobKey(key), Body: body }, partSize: PART_BYTES }).done();
      const actual = counter.result();
      if (!sameContent(expected, actual)) {
        await client.send(new DeleteObjectCommand({ Bucket, Key: blobKey(key) }));
        throw new BlobMismatch(expected, actual);
      }
      return key;
    },

    open: (key: string, range?: ByteRange) => getStream(blobKey(key), range),

    async exists(key: string) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: blobKey(key) }));
        return true;
      } catch (error) {
        if (notFound(error)) return false;
        throw error;
      }
    },

    async probe() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },

    async delete(key: string) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: blobKey(key) }));
    },

    // A chunk is written under its offset: written again, it replaces itself. Chunks beyond the
    // database's count are never read (openPartial follows the offsets from 0).
    async writePartial(uploadId: string, offset: number, bytes: Uint8Array) {
      const Key = `${partialPrefix(uploadId)}${String(offset).padStart(OFFSET_DIGITS, "0")}`;
      await client.send(new PutObjectCommand({ Bucket, Key, Body: Buffer.from(bytes), ContentLength: bytes.length }));
    },

    async openPartial(uploadId: string, length: number) {
      const chunks = new Map((await partialChunks(uploadId)).map((chunk) => [chunk.offset, chunk]));
      const plan: { key: string; bytes: number }[] = [];
      for (let offset = 0; offset < length;) {
        const chunk = chunks.get(offset);
        if (!chunk || chunk.size === 0) throw new BlobMissing(`${partialPrefix(uploadId)}${offset}`);
        plan.push({ key: chunk.key, bytes: Math.min(chunk.size, length - offset) });
        offset += chunk.size;
      }
      return Readable.from(
        (async function* () {
          for (const { key, bytes } of plan)
            yield* (await getStream(key, { start: 0, end: bytes - 1 })) as AsyncIterable<Buffer>;
        })(),
      );
    },

    async dropPartial(uploadId: string) {
      const chunks = await partialChunks(uploadId);
      for (let i = 0; i < chunks.length; i += 8) {
        await Promise.all(
          chunks.slice(i, i + 8).map(({ key }) => client.send(new DeleteObjectCommand({ Bucket, Key: key }))),
        );
      }
    },

    async *listBlobs() {
      for await (const objects of listPages(blobKey(""))) {
        const page = objects.map((object): Listed => ({
          key: object.Key!.slice(blobKey("").length),
          sizeBytes: object.Size ?? 0,
          writtenAt: object.LastModified ?? new Date(),
        }));
        if (page.length > 0) yield page;
      }
    },

    // One upload's chunks may span listing pages: the uploads are gathered first (they are few).
    async *listPartials() {
      const uploads = new Map<string, Listed>();
      for await (const objects of listPages("partial/")) {
        for (const object of objects) {
          const uploadId = object.Key!.split("/")[1]!;
          const written = object.LastModified ?? new Date();
          const upload = uploads.get(uploadId) ?? { key: uploadId, sizeBytes: 0, writtenAt: written };
          upload.sizeBytes += object.Size ?? 0;
          if (written > upload.writtenAt) upload.writtenAt = written;
          uploads.set(uploadId, upload);
        }
      }
      if (uploads.size > 0) yield [...uploads.values()];
    },
  };
}
