// A repair found on a lot walk, usually synced from an offline device. The server prices it
// and decides auto-approval itself; where the device decided otherwise, the server wins for
// work not done yet, and work already done on the spot is kept and flagged for a manager.
import "server-only";
import { z } from "zod";
import {
  type ChecklistItem,
  type AutoApprovalDecision,
  assertWalkTakesCapture,
  authorizeTransition,
  autoApprovalDisagrees,
  autoApprovalFor,
  COMBINED_CHECKLIST_MAX,
  FIELDS,
  NUMBER_RANGES,
  checklistItemsOf,
  completionItemsFor,
  confirmChecklist,
  formatCents,
  templateChecklistDone,
  templateChecklistOf,
} from "~/domain";
import type { Db, DbTx } from "../../db";
import {
  type Customer,
  DamageType,
  type Prisma,
  type Repair,
  ResinViscosity,
  type Unit,
} from "../../db/generated/client";
import { NotFound } from "../../errors";
import { assertAcceptableAttachments } from "../../data/attachments/accept-attachments";
import type { ServiceContext } from "../../service-context";
import { lockPricingHistory } from "../../data/pricing/lock-pricing-history";
import { quoteRepair, estimateFields } from "../../data/pricing/quote-repair";
import { retryOnDuplicateId } from "../../data/retry-on-duplicate-id";
import { attachmentsInput, centsInput, dateInput, hasPhoto, rangeInput, textInput } from "../../data/shared-inputs";
import { findOrCreateUnit } from "../../data/units/find-or-create-unit";
import { type CaptureWalk, lockWalksForCapture } from "../../data/walks/lock-walks-for-capture";
import { type CaptureFacts, freshCaptureFacts } from "../../data/repairs/capture-facts";
import { earlierRecord } from "../../data/repairs/earlier-record";
import { freezeCompletionPrice } from "../../data/repairs/freeze-completion-price";
import { repairRef } from "../../data/repairs/load-repair-for";
import { recordNewRepair } from "../../data/repairs/record-new-repair";
import { type RepairView, repairView } from "../../data/repairs/repair-view";
import { grantRewardsForCompletion } from "../../data/rewards/grant-rewards";
import { checklistOf, templatesUsableBy } from "../../data/templates/template-view";
import { readQuality } from "../../data/settings/quality-settings";

export const captureRepairInput = z.object({
  id: z.uuid(),
  walkId: z.uuid(),
  customerId: z.uuid(),
  unitNumber: textInput(FIELDS.unitNumber, { required: true }),
  /** Breaks captured together on one unit share a jobId; breakIndex orders them from 0. */
  jobId: z.uuid().optional(),
  /** Read from a scanned VIN: the unit's facts when this capture creates it (ignored for a known unit). */
  newUnit: z
    .object({
      vin: textInput(FIELDS.vin).nullable().optional(),
      make: textInput(FIELDS.make).nullable().optional(),
      year: z.number().int().nullable().optional(),
    })
    .optional(),
  breakIndex: rangeInput(NUMBER_RANGES.breakIndex).int().default(0),
  damageType: z.enum(DamageType),
  damagePosition: textInput(FIELDS.damagePosition).optional(),
  customerNotes: textInput(FIELDS.customerNotes).default(""),
  technicianNotes: textInput(FIELDS.technicianNotes).default(""),
  drilledBeforeRepair: z.boolean().optional(),
  windshieldTemperatureC: rangeInput(NUMBER_RANGES.windshieldTemperatureC).optional(),
  resinViscosity: z.enum(ResinViscosity).optional(),
  latitude: rangeInput(NUMBER_RANGES.latitude).optional(),
  longitude: rangeInput(NUMBER_RANGES.longitude).optional(),
  gpsAccuracyM: z.number().min(0).optional(),
  capturedAt: dateInput.optional(),
  attachments: attachmentsInput,
  /** What the device computed offline from its cached price list and settings. */
  deviceEstimateCents: centsInput.min(0).optional(),
  deviceAutoApproved: z.boolean().optional(),
  /**
   * Fixed on the spot before syncing (needs an AFTER photo among the attachments), with the
   * completion checklist's items ticked on the device, checked as a completion of My work is.
   */
  completedOnSpot: z
    .object({
      completedAt: dateInput,
      checklist: z
        .array(
          z.object({ item: textInput(FIELDS.checklistItem, { required: true }), confirmedAt: dateInput.optional() }),
        )
        .max(COMBINED_CHECKLIST_MAX * 2)
        .default([]),
    })
    .optional(),
  /** A template applied on the device: the repair records it and takes its checklist, unticked. */
  templateId: z.uuid().optional(),
});
export type CaptureRepairInput = z.input<typeof captureRepairInput>;
export type Capture = z.output<typeof captureRepairInput>;

/** `facts`: what the capture reads besides the repair; a sync batch shares them across its captures. */
export async function captureRepair(
  db: Db,
  ctx: ServiceContext,
  raw: CaptureRepairInput,
  facts: CaptureFacts = freshCaptureFacts,
): Promise<RepairView> {
  const input = captureRepairInput.parse(raw);
  assertAcceptableAttachments(input.attachments);
  const repair = await retryOnDuplicateId(() => db.$transaction((tx) => capture(tx, ctx, input, facts)));
  if (input.completedOnSpot) facts.historyChanged(input.customerId);
  return repairView(ctx.actor, repair);
}

async function capture(tx: DbTx, ctx: ServiceContext, input: Capture, facts: CaptureFacts): Promise<Repair> {
  const replayed = await earlierRecord(tx, ctx.actor, input.id, "LOT_WALK");
  if (replayed) return replayed;
  const walks = await lockWalksForCapture(tx, [input.walkId]);
  const { walk, customer } = await captureSite(tx, input, walks.get(input.walkId), facts);
  const unit = await findOrCreateUnit(tx, ctx, customer.id, input.unitNumber, input.newUnit);
  // Completing prices from history: take its locks before this transaction touches any repair.
  if (input.completedOnSpot) await lockPricingHistory(tx, customer.id, unit.id);
  const { data, server } = await decideCapture(tx, ctx, input, { walk, customer, unit }, facts);
  let repair = await tx.repair.create({ data });
  if (input.completedOnSpot)
    repair = await completeOnSpot(tx, ctx, repair, input, { ...input.completedOnSpot, customer }, server);
  return recordNewRepair(tx, ctx, { action: "repair.capture", repair, attachments: input.attachments });
}

/** The walk (as read under lock) and the customer a repair is captured on, or why not: a walk not found (not synced yet), a walk that no longer takes repairs, a customer not found. */
export async function captureSite(
  tx: DbTx,
  input: Capture,
  walk: CaptureWalk | undefined,
  facts: CaptureFacts,
): Promise<{ walk: CaptureWalk; customer: Customer }> {
  if (!walk) throw new NotFound("Walk");
  assertWalkTakesCapture(walk, input.id);
  const customer = await facts.customer(tx, input.customerId);
  if (!customer) throw new NotFound("Customer");
  return { walk, customer };
}

/**
 * Everything the server decides about a capture, before anything is written: its price, the
 * approval (the server's, or the device's for work already done), the permission and the flag.
 * Throws the rule's refusal. Used alone and by a sync batch's bulk write, so both decide alike.
 */
export async function decideCapture(
  tx: DbTx,
  ctx: ServiceContext,
  input: Capture,
  site: { walk: CaptureWalk; customer: Customer; unit: Pick<Unit, "id" | "windshieldSeq"> },
  facts: CaptureFacts,
): Promise<{ data: Prisma.RepairCreateManyInput; server: AutoApprovalDecision }> {
  const { walk, customer, unit } = site;
  const capturedAt = input.capturedAt ?? new Date();
  const estimate = await quoteRepair(
    tx,
    {
      customerId: customer.id,
      unitId: unit.id,
      windshieldSeq: unit.windshieldSeq,
      indexInJob: input.breakIndex,
      at: capturedAt,
      override: null,
    },
    facts,
  );
  const server = autoApprovalFor({
    estimateCents: estimate.cents,
    hasDamagePhoto: hasPhoto(input.attachments, "DAMAGE"),
    settings: customer,
  });
  const device = input.deviceAutoApproved ? approvedOnDevice : null;
  const decision = input.completedOnSpot && device && autoApprovalDisagrees(device, server) ? device : server;
  const state = { status: null, customerId: customer.id, technicianId: walk.technicianId, priceCents: estimate.cents };
  const { to } = authorizeTransition(ctx.actor, "capture", state, { walk, autoApproval: decision });

  const {
    attachments: _attachments,
    completedOnSpot: _completedOnSpot,
    unitNumber: _unitNumber,
    newUnit: _newUnit,
    templateId,
    ...fields
  } = input;
  const data: Prisma.RepairCreateManyInput = {
    ...fields,
    ...(await templateOnCapture(tx, templateId, walk.technicianId)),
    capturedAt,
    unitId: unit.id,
    windshieldSeq: unit.windshieldSeq,
    technicianId: walk.technicianId,
    origin: "LOT_WALK",
    status: to,
    ...estimateFields(estimate),
    // Pending work keeps the rule that sent it to approval (no approvalKind yet): what the
    // approver is shown; an approval later replaces it, the audit trail keeps both.
    approvalRule: decision.rule,
    approvalReason: decision.reason,
    ...(decision.autoApproved ? { approvalKind: "AUTO", approvedAt: capturedAt } : {}),
    flaggedReason: flagFor(input, estimate.cents, server),
    createdById: ctx.actor.userId,
  };
  return { data, server };
}

/** The device sends only its outcome; an approval there can only have come from the one approving rule. */
const approvedOnDevice: AutoApprovalDecision = {
  autoApproved: true,
  rule: "WITHIN_LIMIT",
  reason: "auto-approved on the device from its cached customer settings",
};

/**
 * Start and complete in the same transaction, through the same table as online work. The
 * completion confirms the customer's checklist (and the template's) as any completion does.
 */
async function completeOnSpot(
  tx: DbTx,
  ctx: ServiceContext,
  repair: Repair,
  input: Capture,
  spot: NonNullable<Capture["completedOnSpot"]> & { customer: Pick<Customer, "completionChecklist"> },
  server: AutoApprovalDecision,
) {
  const { completedAt } = spot;
  const started = authorizeTransition(ctx.actor, "start", repairRef(repair));
  const hasAfterPhoto = hasPhoto(input.attachments, "AFTER");
  const done = authorizeTransition(
    ctx.actor,
    "complete",
    { ...repairRef(repair), status: started.to },
    { hasAfterPhoto },
  );
  const templateItems = templateChecklistOf(repair.checklist);
  const steps = (await readQuality(tx)).completionSteps[repair.damageType];
  const required = completionItemsFor(checklistItemsOf(spot.customer.completionChecklist), templateItems, steps);
  const confirmed = confirmChecklist(
    required,
    spot.checklist.map((c) => ({ item: c.item, confirmedAt: c.confirmedAt ?? completedAt })),
  );
  const price = await freezeCompletionPrice(tx, repair, completedAt);
  const completed = await tx.repair.update({
    where: { id: repair.id },
    data: {
      ...price,
      ...(confirmed.length > 0
        ? { completionChecklist: confirmed.map((c) => ({ ...c, confirmedAt: c.confirmedAt.toISOString() })) }
        : {}),
      ...(templateItems.length > 0 ? { checklist: templateChecklistDone(templateItems, confirmed) } : {}),
      status: done.to,
      startedAt: repair.capturedAt,
      flaggedReason: flagFor(input, price.priceCents, server),
    },
  });
  await grantRewardsForCompletion(tx, [completed], { createdById: ctx.actor.userId });
  return completed;
}

/** Why a manager should look: the device and the server disagreed on price or approval. */
function flagFor(input: Capture, serverCents: number, server: AutoApprovalDecision): string | null {
  const reasons: string[] = [];
  if (input.deviceEstimateCents !== undefined && input.deviceEstimateCents !== serverCents) {
    reasons.push(
      `the device estimated ${formatCents(input.deviceEstimateCents)}, the server priced ${formatCents(serverCents)}`,
    );
  }
  if (input.deviceAutoApproved && autoApprovalDisagrees(approvedOnDevice, server)) {
    reasons.push(`auto-approved on the device, but the server says: ${server.reason}`);
  }
  return reasons.length ? reasons.join("; ") : null;
}

/**
 * The template a capture names, if the technician may still use it: a template deleted or
 * narrowed since the device prepared is not a reason to refuse work done on the lot.
 */
async function templateOnCapture(tx: DbTx, templateId: string | undefined, technicianId: string | null) {
  // Every row of a sync batch's bulk insert names the same columns (a missing one would be NULL).
  const none = { templateId: null, checklist: [] as ChecklistItem[] };
  if (!templateId) return none;
  const template = await tx.repairTemplate.findFirst({
    where: { id: templateId, ...templatesUsableBy(technicianId) },
    select: { id: true, checklist: true },
  });
  if (!template) return none;
  return {
    templateId: template.id,
    checklist: checklistOf(template.checklist).map((label): ChecklistItem => ({ label, done: false })),
  };
}
