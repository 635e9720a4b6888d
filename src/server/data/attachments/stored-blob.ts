// Bytes are stored once per sha256 (content addressing): the same photo attached twice, or
// uploaded again after a lost answer, is not stored twice.
import "server-only";
import type { DbTx } from "../../db";
import type { Attachment } from "../../db/generated/client";
import { UploadRefused } from "./upload-refused";

export type BlobState = { receivedBytes: number; sizeBytes: number; completedAt: Date | null };

/** The blob's state, locked until the transaction ends; created empty when the first chunk comes. */
export async function lockBlobFor(tx: DbTx, attachment: Attachment): Promise<BlobState> {
  await tx.$executeRaw`
    INSERT INTO "StoredBlob" (sha256, "mimeType", "sizeBytes")
    VALUES (${attachment.sha256}, ${attachment.mimeType}, ${attachment.sizeBytes})
    ON CONFLICT (sha256) DO NOTHING`;
  const [blob] = await tx.$queryRaw<BlobState[]>`
    SELECT "receivedBytes", "sizeBytes", "completedAt" FROM "StoredBlob" WHERE sha256 = ${attachment.sha256} FOR UPDATE`;
  return blob!;
}

/**
 * A complete blob with the attachment's sha256 serves it at once: the attachment is marked
 * uploaded. The same sha256 with another size means the attachment's metadata is wrong.
 */
export async function confirmFromStoredBlob(tx: DbTx, attachment: Attachment, blob: BlobState): Promise<void> {
  if (blob.sizeBytes !== attachment.sizeBytes) {
    throw new UploadRefused(
      "SIZE_MISMATCH",
      `Content with this checksum is ${blob.sizeBytes} bytes, not the ${attachment.sizeBytes} declared.`,
    );
  }
  if (!attachment.uploadedAt)
    await tx.attachment.update({ where: { id: attachment.id }, data: { uploadedAt: new Date() } });
}
