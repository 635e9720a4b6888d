// A damage or after photo added to an existing repair, from the device's queue (sync.push
// "repair.addPhoto"): its metadata now, its bytes by upload. Only whoever may work the repair,
// and only while it takes photos (permissions.ts, "repair.addPhoto").
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain/index";
import type { Db } from "../../db";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { assertAcceptableAttachments } from "../../data/attachments/accept-attachments";
import { attachmentInput } from "../../data/shared-inputs";
import { attachmentsAdded, createAttachments } from "../../data/repairs/create-attachments";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { applyOnce } from "../../data/repairs/repair-change";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const addRepairPhotoInput = z.object({
  /** The device's id for this change: a replay answers as the first time. */
  id: z.uuid(),
  repairId: z.uuid(),
  photo: attachmentInput.refine((a) => a.kind === "PHOTO" && a.photoStage !== undefined, {
    message: "A photo with its stage (DAMAGE or AFTER).",
  }),
});
export type AddRepairPhotoInput = z.input<typeof addRepairPhotoInput>;

export async function addRepairPhoto(db: Db, ctx: ServiceContext, raw: AddRepairPhotoInput): Promise<RepairView> {
  const input = addRepairPhotoInput.parse(raw);
  assertAcceptableAttachments([input.photo]);
  const change = { id: input.id, kind: "addPhoto" as const, repairId: input.repairId };
  const repair = await db.$transaction((tx) =>
    applyOnce(tx, ctx.actor, change, async () => {
      const repair = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
      assertAllowed(ctx.actor, "repair.addPhoto", repairRef(repair));
      const taken = await tx.attachment.findUnique({ where: { id: input.photo.id }, select: { id: true } });
      if (taken) throw new InvalidRequest("ID_IN_USE", "This photo's id is already used by another file.");
      await createAttachments(tx, ctx, repair.id, [input.photo], { replayable: false });
      await auditChange(tx, ctx, {
        action: "repair.addPhoto",
        entityType: "Repair",
        entityId: repair.id,
        before: repair,
        after: repair,
        extra: attachmentsAdded([input.photo]),
      });
      return repair;
    }),
  );
  return repairView(ctx.actor, repair);
}
