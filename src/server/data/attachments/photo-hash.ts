// Every uploaded photo gets a 64-bit difference hash computed here from its stored bytes
// (jpeg-js, pure JavaScript: no native image library is installed); the device's own figures are
// not trusted. A photo whose hash is within NEAR_DUPLICATE_BITS of a photo on another repair
// flags both repairs for a manager: the same picture used twice is a mistake or a fraud.
import "server-only";
import jpeg from "jpeg-js";
import { NEAR_DUPLICATE_BITS, differenceHash } from "~/domain/photo-checks";
import { blobStore } from "../../blobs";
import type { Db, DbTx } from "../../db";
import { requestLog } from "../../logging/logger";

/** Bigger than any phone photo; a bomb (a tiny file claiming 100 000 × 100 000 pixels) is refused. */
const MAX_MEGAPIXELS = 64;
const MAX_MEMORY_MB = 512;

/** The hash as the database keeps it: the 64 bits as a signed bigint. */
export const hashToBigint = (hex: string) => BigInt.asIntN(64, BigInt(`0x${hex}`));
export const bigintToHash = (value: bigint) => BigInt.asUintN(64, value).toString(16).padStart(16, "0");

/** The difference hash of a JPEG's bytes, or null when they are not a JPEG this decoder reads. */
export function jpegDifferenceHash(bytes: Uint8Array): string | null {
  try {
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_MEGAPIXELS,
      maxMemoryUsageInMB: MAX_MEMORY_MB,
    });
    return differenceHash({ width: image.width, height: image.height, data: image.data });
  } catch {
    return null;
  }
}

export type PhotoMatch = { attachmentId: string; repairId: string; distance: number };

/**
 * Hashes an uploaded photo and flags it and the other repairs' photos it matches. Returns the
 * matches (none: not a photo, not a JPEG, or unique). Never throws: the upload is already kept.
 */
export async function hashUploadedPhoto(db: Db, attachmentId: string): Promise<PhotoMatch[]> {
  try {
    const attachment = await db.attachment.findUnique({
      where: { id: attachmentId },
      select: { id: true, kind: true, sha256: true, repairId: true, uploadedAt: true, photoHash: true },
    });
    if (!attachment?.uploadedAt || attachment.kind !== "PHOTO" || !attachment.repairId) return [];
    if (attachment.photoHash !== null) return []; // a resent last chunk: hashed already
    const blob = await db.storedBlob.findUnique({
      where: { sha256: attachment.sha256 },
      select: { storeKey: true, content: true },
    });
    if (!blob) return [];
    const bytes = blob.storeKey ? await readAll(await blobStore().open(blob.storeKey)) : blob.content;
    const hex = bytes ? jpegDifferenceHash(bytes) : null;
    if (!hex) return [];
    const hash = hashToBigint(hex);
    return await db.$transaction(async (tx) => {
      await tx.attachment.update({ where: { id: attachment.id }, data: { photoHash: hash } });
      const matches = await tx.$queryRaw<PhotoMatch[]>`
        SELECT a.id AS "attachmentId", a."repairId", bit_count((a."photoHash" # ${hash})::bit(64))::int AS distance
        FROM "Attachment" a
        WHERE a."photoHash" IS NOT NULL AND a."repairId" IS NOT NULL AND a."repairId" <> ${attachment.repairId}::uuid
          AND bit_count((a."photoHash" # ${hash})::bit(64)) <= ${NEAR_DUPLICATE_BITS}
        ORDER BY distance, a.id
        LIMIT 20`;
      if (matches.length === 0) return [];
      const repairIds = [...new Set(matches.map((m) => m.repairId))];
      const short = (id: string) => id.slice(0, 8);
      await flag(tx, attachment.repairId!, `A photo matches a photo of repair ${repairIds.map(short).join(", ")}: the same picture on two repairs.`);
      for (const other of repairIds)
        await flag(tx, other, `A photo matches a photo of repair ${short(attachment.repairId!)}: the same picture on two repairs.`);
      return matches;
    });
  } catch (error) {
    requestLog().warn({ err: error, attachmentId }, "photo hash failed");
    return [];
  }
}

async function flag(tx: DbTx, repairId: string, reason: string) {
  // Appended to a flag already there, and shown again to the manager even if settled before.
  await tx.$executeRaw`
    UPDATE "Repair" SET "flaggedReason" = CASE
        WHEN "flaggedReason" IS NULL OR "flaggedReason" = '' THEN ${reason}
        WHEN position(${reason} in "flaggedReason") > 0 THEN "flaggedReason"
        ELSE "flaggedReason" || ' ' || ${reason} END,
      "flagResolvedAt" = NULL, "updatedAt" = now()
    WHERE id = ${repairId}::uuid`;
}

/**
 * Hashes the JPEG photos uploaded in the last day that have no hash yet, oldest first (the job
 * runs every minute; a decode takes a fraction of a second, so never in an upload's request).
 * A file this decoder cannot read is left without a hash and not tried again after a day.
 */
export async function hashPendingPhotos(db: Db, limit = 20): Promise<{ hashed: number; matched: number }> {
  const pending = await db.attachment.findMany({
    where: {
      kind: "PHOTO",
      mimeType: { startsWith: "image/jpeg" },
      photoHash: null,
      repairId: { not: null },
      uploadedAt: { gte: new Date(Date.now() - 24 * 60 * 60 * 1000) },
    },
    orderBy: { uploadedAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let matched = 0;
  for (const { id } of pending) matched += (await hashUploadedPhoto(db, id)).length > 0 ? 1 : 0;
  return { hashed: pending.length, matched };
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
