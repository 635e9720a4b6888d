// Attachment metadata arrives with the repair it documents; the bytes follow by upload.
import "server-only";
import type { Changes } from "../../audit/write-audit";
import type { DbTx } from "../../db";
import type { ServiceContext } from "../../service-context";
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
