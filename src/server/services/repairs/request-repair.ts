// A customer asks for a repair on one of its units. The estimate was shown upfront
// (estimateForUnit), so the request is its approval: no second step. Nobody is assigned yet:
// the work waits, visible, for whoever may assign it.
import "server-only";
import { z } from "zod";
import { FIELDS, assignmentReasons, authorizeTransition, formatCents, transition } from "~/domain";
import type { Db, DbTx } from "../../db";
import { DamageType, type Repair } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { quoteRepair, estimateFields } from "../../data/pricing/quote-repair";
import { retryOnDuplicateId } from "../../data/retry-on-duplicate-id";
import { assertAcceptableAttachments } from "../../data/attachments/accept-attachments";
import { attachmentsInput, textInput } from "../../data/shared-inputs";
import { loadUnitFor } from "../../data/units/load-unit-for";
import { earlierRecord } from "../../data/repairs/earlier-record";
import { auditChange } from "../../data/audit-change";
import { businessToday, loadAssignmentFacts } from "../../data/assignment/assignment-facts";
import { rankRepair } from "../../data/assignment/rank-repair";
import { readBusinessSettings } from "../../data/settings/business-settings";
import { recordNewRepair } from "../../data/repairs/record-new-repair";
import { recordEvents } from "../../data/events/record-event";
import { repairEvents } from "../../data/events/repair-events";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const requestRepairInput = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  damageType: z.enum(DamageType),
  damagePosition: textInput(FIELDS.damagePosition).optional(),
  customerNotes: textInput(FIELDS.customerNotes).default(""),
  attachments: attachmentsInput,
});
export type RequestRepairInput = z.input<typeof requestRepairInput>;

export async function requestRepair(db: Db, ctx: ServiceContext, raw: RequestRepairInput): Promise<RepairView> {
  const input = requestRepairInput.parse(raw);
  assertAcceptableAttachments(input.attachments);
  const repair = await retryOnDuplicateId(() => db.$transaction((tx) => request(tx, ctx, input)));
  return repairView(ctx.actor, repair);
}

async function request(tx: DbTx, ctx: ServiceContext, input: z.output<typeof requestRepairInput>): Promise<Repair> {
  const replayed = await earlierRecord(tx, ctx.actor, input.id, "CUSTOMER_REQUEST");
  if (replayed) return replayed;
  const { attachments, ...fields } = input;
  const unit = await loadUnitFor(tx, ctx.actor, input.unitId);
  const now = new Date();
  const estimate = await quoteRepair(tx, {
    customerId: unit.customerId,
    unitId: unit.id,
    windshieldSeq: unit.windshieldSeq,
    indexInJob: 0,
    at: now,
    override: null,
  });
  const state = { status: null, customerId: unit.customerId, technicianId: null, priceCents: estimate.cents };
  const { to } = authorizeTransition(ctx.actor, "request", state);
  const repair = await tx.repair.create({
    data: {
      ...fields,
      customerId: unit.customerId,
      windshieldSeq: unit.windshieldSeq,
      technicianId: null,
      origin: "CUSTOMER_REQUEST",
      status: to,
      ...estimateFields(estimate),
      approvalKind: "REQUEST",
      approvalRule: "CUSTOMER_REQUEST",
      approvalReason: `requested at the estimate shown: ${formatCents(estimate.cents)}`,
      approvedById: ctx.actor.userId,
      approvedAt: now,
      createdById: ctx.actor.userId,
    },
  });
  const recorded = await recordNewRepair(tx, ctx, { action: "repair.request", repair, attachments });
  return autoAssign(tx, ctx, recorded, now);
}

/** When the business turned it on, the request goes at once to the best candidate, with the reasons stored. */
async function autoAssign(tx: DbTx, ctx: ServiceContext, repair: Repair, now: Date): Promise<Repair> {
  const settings = await readBusinessSettings(tx);
  if (!settings.autoAssignRequests) return repair;
  const day = businessToday(now);
  const facts = await loadAssignmentFacts(tx, [repair.customerId], [day.date]);
  const ranking = await rankRepair(tx, null, repair, { facts, settings, day, now });
  const best = ranking.ranked[0];
  if (!best) return repair; // nobody can take it: it waits for a manager, as without auto-assignment
  // The business's own rule acts as the dispatcher: the transition table still checks the assignee.
  const assignee = { technicianId: best.technicianId, isActive: true, blockedByCustomer: false };
  const { to } = transition({ action: "assign", from: repair.status, actor: "admin", facts: { assignee } });
  const after = await tx.repair.update({
    where: { id: repair.id },
    data: {
      status: to,
      technicianId: best.technicianId,
      assignmentReasons: assignmentReasons(ranking, best.technicianId, "auto", now),
    },
  });
  await auditChange(tx, ctx, {
    action: "repair.autoAssign",
    entityType: "Repair",
    entityId: repair.id,
    before: repair,
    after,
  });
  await recordEvents(tx, repairEvents(repair, after, ctx.actor.userId));
  return after;
}
