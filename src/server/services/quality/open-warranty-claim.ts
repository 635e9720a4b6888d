// A warranty claim, opened by the office or by the customer on its own repair: within the
// warranty of the repair's damage type it makes a follow-up repair linked to the original, by the
// same technician, approved at once and frozen at $0 (source WARRANTY) when completed; it counts
// as a callback of the original technician. After the warranty's last day it is refused, naming it.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FIELDS, actorKind, warrantyClaimProblem, warrantyEndsOn } from "~/domain";
import { dayKey } from "~/domain/business-month";
import type { Db, DbTx } from "../../db";
import { config } from "../../config";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { textInput } from "../../data/shared-inputs";
import { loadRepairFor } from "../../data/repairs/load-repair-for";
import { recordNewRepair } from "../../data/repairs/record-new-repair";
import { readQuality } from "../../data/settings/quality-settings";

export const openWarrantyClaimInput = z.object({
  /** The claim's id, chosen by the client so a repeated tap opens one claim. */
  id: z.uuid(),
  repairId: z.uuid(),
  reason: textInput(FIELDS.warrantyReason, { required: true }),
});
export type OpenWarrantyClaimInput = z.input<typeof openWarrantyClaimInput>;

export type WarrantyClaimView = {
  id: string;
  repairId: string;
  followUpId: string;
  warrantyEndsOn: string;
  reason: string;
  createdAt: Date;
};

export async function openWarrantyClaim(
  db: Db,
  ctx: ServiceContext,
  raw: OpenWarrantyClaimInput,
): Promise<WarrantyClaimView> {
  const input = openWarrantyClaimInput.parse(raw);
  if (!["manager", "admin", "customer"].includes(actorKind(ctx.actor)))
    throw new InvalidRequest("FORBIDDEN", "Only the office or the customer opens a warranty claim.");
  return db.$transaction((tx) => claim(tx, ctx, input));
}

async function claim(
  tx: DbTx,
  ctx: ServiceContext,
  input: z.output<typeof openWarrantyClaimInput>,
): Promise<WarrantyClaimView> {
  // Another customer's repair is "not found" (loadRepairFor), like any record they may not see.
  const original = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
  const replayed = await tx.warrantyClaim.findUnique({ where: { id: input.id } });
  if (replayed) {
    if (replayed.repairId !== original.id) throw new InvalidRequest("BAD_INPUT", "This claim id is already used.");
    return replayed;
  }
  const quality = await readQuality(tx);
  const zone = config().BUSINESS_TIME_ZONE;
  const today = dayKey(new Date(), zone);
  const problem = warrantyClaimProblem(
    {
      status: original.status,
      completedOn: original.completedAt ? dayKey(original.completedAt, zone) : null,
      damageType: original.damageType,
    },
    quality.warrantyMonths,
    today,
  );
  if (problem) throw new InvalidRequest(problem.code, problem.message);
  const months = quality.warrantyMonths[original.damageType];
  const endsOn = warrantyEndsOn(dayKey(original.completedAt!, zone), months);
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: original.unitId } });
  const now = new Date();
  const followUpId = randomUUID();
  const repair = await tx.repair.create({
    data: {
      id: followUpId,
      customerId: original.customerId,
      unitId: unit.id,
      windshieldSeq: unit.windshieldSeq,
      siteId: original.siteId,
      technicianId: original.technicianId,
      origin: ctx.actor.role === "CUSTOMER" ? "CUSTOMER_REQUEST" : "STAFF",
      // Nothing to approve at $0: the original technician has it at once.
      status: original.technicianId ? "ASSIGNED" : "APPROVED",
      damageType: original.damageType,
      damagePosition: original.damagePosition,
      customerNotes: ctx.actor.role === "CUSTOMER" ? input.reason : "",
      technicianNotes: `Warranty claim: ${input.reason}`,
      estimateCents: 0,
      estimateSource: "WARRANTY",
      approvalKind: "MANUAL",
      approvalRule: "warranty",
      approvalReason: `Under warranty until ${endsOn}`,
      approvedById: ctx.actor.userId,
      approvedAt: now,
      followUpOfId: original.id,
      warrantyOfId: original.id,
      createdById: ctx.actor.userId,
    },
  });
  await recordNewRepair(tx, ctx, { action: "repair.warrantyClaim", repair, attachments: [] });
  return tx.warrantyClaim.create({
    data: {
      id: input.id,
      repairId: original.id,
      followUpId,
      reason: input.reason,
      openedById: ctx.actor.userId,
      warrantyEndsOn: endsOn,
    },
  });
}
