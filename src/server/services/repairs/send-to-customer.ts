// "Send to Customer": the repair's summary, estimate and photos go to the customer's portal
// inbox, as they stand now (an entry is a copy: later changes do not rewrite what was sent).
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed, damageLabel } from "~/domain/index";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { textInput } from "../../data/shared-inputs";

export const sendToCustomerInput = z.object({
  repairId: z.uuid(),
  message: textInput(FIELDS.customerMessage).default(""),
});
export type SendToCustomerInput = z.input<typeof sendToCustomerInput>;

export type InboxContent = {
  summary: string;
  unitNumber: string;
  damageType: string;
  damagePosition: string | null;
  status: string;
  estimateCents: number | null;
  priceCents: number | null;
  customerNotes: string;
  photoIds: string[];
};

export async function sendToCustomer(db: Db, ctx: ServiceContext, raw: SendToCustomerInput) {
  const input = sendToCustomerInput.parse(raw);
  return db.$transaction(async (tx) => {
    const repair = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
    assertAllowed(ctx.actor, "repair.sendToCustomer", repairRef(repair));
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: repair.unitId }, select: { unitNumber: true } });
    const photos = await tx.attachment.findMany({
      where: { repairId: repair.id, kind: "PHOTO" },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    const position = repair.damagePosition ? `, ${repair.damagePosition}` : "";
    const content: InboxContent = {
      summary: `${damageLabel(repair.damageType)} on unit ${unit.unitNumber}${position}`,
      unitNumber: unit.unitNumber,
      damageType: repair.damageType,
      damagePosition: repair.damagePosition,
      status: repair.status,
      estimateCents: repair.estimateCents,
      priceCents: repair.priceCents,
      customerNotes: repair.customerNotes,
      photoIds: photos.map((p) => p.id),
    };
    const entry = await tx.portalInboxEntry.create({
      data: {
        customerId: repair.customerId,
        repairId: repair.id,
        sentById: ctx.actor.userId,
        message: input.message,
        content,
      },
    });
    await auditChange(tx, ctx, {
      action: "repair.sendToCustomer",
      entityType: "PortalInboxEntry",
      entityId: entry.id,
      before: null,
      after: entry,
    });
    return { id: entry.id, sentAt: entry.sentAt, repairId: repair.id, content };
  });
}
