// "Create Follow-up": new work on the same unit, linked to the repair it follows up, with a due
// date. It is priced like any new find and waits for approval; the technician of the original
// keeps it.
import "server-only";
import { z } from "zod";
import { FIELDS, assertFollowUp, authorizeTransition } from "~/domain/index";
import type { Db, DbTx } from "../../db";
import { DamageType, type Repair } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { quoteRepair, estimateFields } from "../../data/pricing/quote-repair";
import { retryOnDuplicateId } from "../../data/retry-on-duplicate-id";
import { dateInput, textInput } from "../../data/shared-inputs";
import { earlierRecord } from "../../data/repairs/earlier-record";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { recordNewRepair } from "../../data/repairs/record-new-repair";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const createFollowUpInput = z.object({
  /** The new repair's id, chosen by the client so a repeated tap makes one follow-up. */
  id: z.uuid(),
  repairId: z.uuid(),
  dueAt: dateInput,
  note: textInput(FIELDS.followUpNote, { required: true }),
  damageType: z.enum(DamageType).optional(),
});
export type CreateFollowUpInput = z.input<typeof createFollowUpInput>;

export async function createFollowUp(db: Db, ctx: ServiceContext, raw: CreateFollowUpInput): Promise<RepairView> {
  const input = createFollowUpInput.parse(raw);
  const repair = await retryOnDuplicateId(() => db.$transaction((tx) => followUp(tx, ctx, input)));
  return repairView(ctx.actor, repair);
}

async function followUp(tx: DbTx, ctx: ServiceContext, input: z.output<typeof createFollowUpInput>): Promise<Repair> {
  const replayed = await earlierRecord(tx, ctx.actor, input.id, "STAFF");
  if (replayed) return replayed;
  const original = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
  const now = new Date();
  assertFollowUp({ originalStatus: original.status, dueAt: input.dueAt, now });
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: original.unitId } });
  const estimate = await quoteRepair(tx, {
    customerId: unit.customerId,
    unitId: unit.id,
    windshieldSeq: unit.windshieldSeq,
    indexInJob: 0,
    at: now,
    override: null,
  });
  const state = {
    status: null,
    customerId: original.customerId,
    technicianId: original.technicianId,
    priceCents: estimate.cents,
  };
  const { to } = authorizeTransition(ctx.actor, "followUp", state, { original: repairRef(original) });
  const repair = await tx.repair.create({
    data: {
      id: input.id,
      customerId: original.customerId,
      unitId: unit.id,
      windshieldSeq: unit.windshieldSeq,
      technicianId: original.technicianId,
      origin: "STAFF",
      status: to,
      damageType: input.damageType ?? original.damageType,
      damagePosition: original.damagePosition,
      technicianNotes: input.note,
      ...estimateFields(estimate),
      followUpOfId: original.id,
      dueAt: input.dueAt,
      createdById: ctx.actor.userId,
    },
  });
  return recordNewRepair(tx, ctx, { action: "repair.followUp", repair, attachments: [] });
}
