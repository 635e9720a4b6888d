// The admin sets a customer's fleet settings: fleet size, lot-walking
// schedule, auto-approval, service mode, preferred and blocked technicians, payment terms.
// Only the fields given change; the result is checked whole by the domain. A real change bumps
// settingsVersion (devices decide auto-approval offline from a cached copy) and is audited.
// Then the customer's planned walks follow the saved schedule at once (generate-scheduled-walks).
import "server-only";
import { z } from "zod";
import {
  COMPLETION_CHECKLIST_MAX,
  COUNT_LIMITS,
  FIELDS,
  WEEKDAYS,
  assertAllowed,
  assertFleetSettings,
  checkCompletionChecklist,
  lotWalkingSchedule,
} from "~/domain";
import type { Db } from "../../db";
import { InvoicingCadence, PaymentTerms, ServiceMode, WalkFrequency } from "../../db/generated/client";
import { NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { centsInput, int4Input, textInput } from "../../data/shared-inputs";
import { lockCustomer } from "../../data/customers/lock-customer";
import { logger } from "../../logging/logger";
import { generateScheduledWalks } from "../planning/generate-scheduled-walks";
import {
  FLEET_SETTINGS_INCLUDE,
  fleetSettingsRecord,
  fleetSettingsView,
} from "../../data/customers/fleet-settings-view";

const technicianIds = z.array(z.uuid()).max(COUNT_LIMITS.techniciansPerList);

export const updateFleetSettingsInput = z.object({
  customerId: z.uuid(),
  fleetSize: int4Input.optional(),
  lotWalkingEnabled: z.boolean().optional(),
  lotWalkingWeekdays: z.array(z.enum(WEEKDAYS)).max(COUNT_LIMITS.weekdays).optional(),
  lotWalkingFrequency: z.enum(WalkFrequency).optional(),
  /** "HH:MM", or null for no fixed time. */
  lotWalkingTime: textInput(FIELDS.timeOfDay).nullable().optional(),
  autoApproveLotRepairs: z.boolean().optional(),
  maxAutoApproveCents: centsInput.optional(),
  requirePhotoForApproval: z.boolean().optional(),
  serviceMode: z.enum(ServiceMode).optional(),
  paymentTerms: z.enum(PaymentTerms).optional(),
  /** null: by service mode (on-call per repair, lot walks monthly). */
  invoicingCadence: z.enum(InvoicingCadence).nullable().optional(),
  preferredTechnicianIds: technicianIds.optional(),
  blockedTechnicianIds: technicianIds.optional(),
  /** The items every completion of this customer's repairs confirms, in order; [] for none. */
  completionChecklist: z
    .array(z.string().max(FIELDS.completionItem.maxLength * 4))
    .max(COMPLETION_CHECKLIST_MAX * 2)
    .optional(),
});
export type UpdateFleetSettingsInput = z.input<typeof updateFleetSettingsInput>;

export async function updateFleetSettings(db: Db, ctx: ServiceContext, raw: UpdateFleetSettingsInput) {
  const { customerId, completionChecklist, ...rest } = updateFleetSettingsInput.parse(raw);
  assertAllowed(ctx.actor, "customer.settings.edit", { customerId });
  const input = {
    ...rest,
    completionChecklist: completionChecklist && checkCompletionChecklist(completionChecklist),
  };
  const view = await db.$transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const before = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, include: FLEET_SETTINGS_INCLUDE });
    const current = fleetSettingsRecord(before);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<
      typeof current
    >;
    const next = { ...current, ...given };
    assertFleetSettings(next);
    const technicians = [...new Set([...next.preferredTechnicianIds, ...next.blockedTechnicianIds])];
    if ((await tx.technician.count({ where: { id: { in: technicians } } })) !== technicians.length)
      throw new NotFound("Technician");
    if (JSON.stringify(sorted(next)) === JSON.stringify(sorted(current))) return fleetSettingsView(before);

    const {
      lotWalkingWeekdays,
      preferredTechnicianIds,
      blockedTechnicianIds,
      settingsVersion: _version,
      ...fields
    } = next;
    const after = await tx.customer.update({
      where: { id: customerId },
      data: {
        ...fields,
        lotWalkingSchedule: lotWalkingSchedule(lotWalkingWeekdays),
        preferredTechnicians: { set: preferredTechnicianIds.map((id) => ({ id })) },
        blockedTechnicians: { set: blockedTechnicianIds.map((id) => ({ id })) },
        settingsVersion: { increment: 1 },
      },
      include: FLEET_SETTINGS_INCLUDE,
    });
    await auditChange(tx, ctx, {
      action: "customer.updateFleetSettings",
      entityType: "Customer",
      entityId: customerId,
      before: current,
      after: fleetSettingsRecord(after),
    });
    return fleetSettingsView(after);
  });
  // The settings are saved whatever happens here; the daily generation catches up on a failure.
  await generateScheduledWalks(db, { customerId, ctx }).catch((error: unknown) =>
    logger().error({ err: error, customerId }, "generating walks after a fleet settings change failed"),
  );
  return view;
}

/** Lists compared as sets. */
const sorted = <
  T extends {
    lotWalkingWeekdays: readonly string[];
    preferredTechnicianIds: readonly string[];
    blockedTechnicianIds: readonly string[];
  },
>(
  s: T,
) => ({
  ...s,
  lotWalkingWeekdays: [...s.lotWalkingWeekdays].sort(),
  preferredTechnicianIds: [...s.preferredTechnicianIds].sort(),
  blockedTechnicianIds: [...s.blockedTechnicianIds].sort(),
});
