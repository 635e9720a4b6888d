// Attachment metadata arrives with the repair it documents; the bytes follow by upload.
import "server-only";
import type { Changes } from "../../audit/write-audit";
import type { DbTx } from "../../db";
import type { ServiceContext } from "../../service-context";
import { InvalidRequest } from "../../errors";
import type { AttachmentInput } from "../shared-inputs";

/** `replayable`: an attachment already stored under its id is left as it is (a resent completion). */
export async function createAttachments(
  tx: DbTx,
  ctx: ServiceContext,
  repairId: string,
  attachments: readonly AttachmentInput[],
  options: { replayable: boolean },
): Promise<void> {
  if (attachments.length === 0) return;
  await tx.attachment.createMany({
    data: attachmentRows(ctx, repairId, attachments),
    skipDuplicates: options.replayable,
  });
  await assertPhotoPairs(tx, attachments);
}

/**
 * Refuses (and so rolls back) an after photo paired with anything but a damage photo of its own
 * repair. Checked once the rows are in, so a "before" sent in the same batch counts.
 */
export async function assertPhotoPairs(tx: DbTx, attachments: readonly AttachmentInput[]): Promise<void> {
  const paired = attachments.flatMap((a) => (a.pairedWithId ? [a.id] : []));
  if (paired.length === 0) return;
  const wrong = await tx.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Attachment" a JOIN "Attachment" b ON b.id = a."pairedWithId"
    WHERE a.id = ANY(${paired}::uuid[]) AND (a."photoStage" IS DISTINCT FROM 'AFTER'
      OR b."photoStage" IS DISTINCT FROM 'DAMAGE' OR b."repairId" IS DISTINCT FROM a."repairId")
    LIMIT 1`;
  if (wrong.length > 0)
    throw new InvalidRequest("BAD_INPUT", "An after photo pairs with a damage photo of the same repair.");
}

/** The rows of a repair's attachments (a sync batch inserts those of all its repairs at once). */
export const attachmentRows = (ctx: ServiceContext, repairId: string, attachments: readonly AttachmentInput[]) =>
  attachments.map(({ marks, ...a }) => ({
    ...a,
    ...(marks?.length ? { damageMarks: marks } : {}),
    photoStage: a.photoStage ?? null,
    repairId,
    createdById: ctx.actor.userId,
  }));

/** The audit line for attachments that came with a change (they are rows of their own). */
export const attachmentsAdded = (attachments: readonly AttachmentInput[]): Changes =>
  attachments.length ? { attachments: { before: null, after: attachments.map((a) => a.id) } } : {};
