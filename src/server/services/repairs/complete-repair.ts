// The work is done: the after photo documents it and the price is frozen from the history as
// it stands now (counted under lock, so two completions on one unit never share an ordinal).
// Online, or from the device's queue (sync.push "repair.complete", with the change's client id).
// When the customer requires a completion checklist, or the repair was captured with a template
// that has one, the completion confirms every item of the combined list (customer's as it stands
// now, then the template's: completionItemsFor in src/domain); the confirmed items are stored with it.
import "server-only";
import { z } from "zod";
import {
  COMBINED_CHECKLIST_MAX,
  FIELDS,
  checklistItemsOf,
  completionItemsFor,
  confirmChecklist,
  photoPairProblem,
  templateChecklistDone,
  templateChecklistOf,
} from "~/domain";
import type { Db } from "../../db";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { assertAcceptableAttachments } from "../../data/attachments/accept-attachments";
import { attachmentsInput, dateInput, textInput } from "../../data/shared-inputs";
import { applyStatusChange } from "../../data/repairs/change-repair-status";
import { attachmentsAdded, createAttachments } from "../../data/repairs/create-attachments";
import { freezeCompletionPrice } from "../../data/repairs/freeze-completion-price";
import { loadRepairFor } from "../../data/repairs/load-repair-for";
import { applyOnce } from "../../data/repairs/repair-change";
import { refreshOpenEstimates } from "../../data/repairs/refresh-open-estimates";
import { type RepairView, repairView } from "../../data/repairs/repair-view";
import { readQuality } from "../../data/settings/quality-settings";

export const completeRepairInput = z.object({
  repairId: z.uuid(),
  /** The device's id for this change: a replay answers as the first time. */
  id: z.uuid().optional(),
  /** When the device finished the work offline. */
  completedAt: dateInput.optional(),
  /** The after photo taken when finishing, if not sent before. */
  attachments: attachmentsInput,
  /** The checklist items the technician ticked, as the device showed them; when (default: completedAt). */
  // A template's items may be longer than the customer's (FIELDS.checklistItem, the larger limit).
  checklist: z
    .array(z.object({ item: textInput(FIELDS.checklistItem, { required: true }), confirmedAt: dateInput.optional() }))
    .max(COMBINED_CHECKLIST_MAX * 2)
    .default([]),
});
export type CompleteRepairInput = z.input<typeof completeRepairInput>;

export async function completeRepair(db: Db, ctx: ServiceContext, raw: CompleteRepairInput): Promise<RepairView> {
  const input = completeRepairInput.parse(raw);
  assertAcceptableAttachments(input.attachments);
  const completedAt = input.completedAt ?? new Date();
  const change = input.id ? { id: input.id, kind: "complete" as const, repairId: input.repairId } : null;
  const repair = await db.$transaction((tx) =>
    applyOnce(tx, ctx.actor, change, async () => {
      const repair = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
      await createAttachments(tx, ctx, repair.id, input.attachments, { replayable: true });
      // An after photo counts when its bytes arrived, or when it comes with this completion (its
      // bytes follow by upload, as for a repair completed on the spot during a walk). Metadata
      // recorded earlier whose bytes never came does not document the work.
      const afterPhotos = await tx.attachment.count({
        where: {
          repairId: repair.id,
          kind: "PHOTO",
          photoStage: "AFTER",
          OR: [{ uploadedAt: { not: null } }, { id: { in: input.attachments.map((a) => a.id) } }],
        },
      });
      const completed = await applyStatusChange(tx, ctx, repair, {
        action: "complete",
        facts: { hasAfterPhoto: afterPhotos > 0 },
        fields: async () => {
          // Checked once the move is authorized, so a repair not in progress is refused for that.
          const customer = await tx.customer.findUniqueOrThrow({
            where: { id: repair.customerId },
            select: { completionChecklist: true },
          });
          const templateItems = templateChecklistOf(repair.checklist);
          const quality = await readQuality(tx);
          const photos = await tx.attachment.findMany({
            where: { repairId: repair.id, kind: "PHOTO" },
            select: { id: true, photoStage: true, pairedWithId: true },
            orderBy: { createdAt: "asc" },
          });
          const pairs = photoPairProblem(
            photos.map((p) => ({ id: p.id, stage: p.photoStage, pairedWithId: p.pairedWithId })),
            quality.requirePhotoPairs,
          );
          if (pairs) throw new InvalidRequest("PHOTO_PAIR_REQUIRED", pairs);
          const steps = quality.completionSteps[repair.damageType];
          const required = completionItemsFor(checklistItemsOf(customer.completionChecklist), templateItems, steps);
          const confirmed = confirmChecklist(
            required,
            input.checklist.map((c) => ({ item: c.item, confirmedAt: c.confirmedAt ?? completedAt })),
          );
          return {
            ...(await freezeCompletionPrice(tx, repair, completedAt)),
            ...(required.length > 0 || confirmed.length > 0
              ? { completionChecklist: confirmed.map((c) => ({ ...c, confirmedAt: c.confirmedAt.toISOString() })) }
              : {}),
            // The template's items, ticked: both columns tell the same story.
            ...(templateItems.length > 0 ? { checklist: templateChecklistDone(templateItems, confirmed) } : {}),
          };
        },
        extraChanges: attachmentsAdded(input.attachments),
      });
      await refreshOpenEstimates(tx, repair.unitId);
      return completed;
    }),
  );
  return repairView(ctx.actor, repair);
}
