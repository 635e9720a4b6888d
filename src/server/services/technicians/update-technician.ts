// The admin sets a technician's rights: manager flag, approval limit (null =
// no limit), may assign, may override prices, the technicians they manage, active, working
// hours, skills and base position. Only the fields given change; the domain checks the result (no managing oneself, no
// circle of managers, valid hours). Audited before -> after.
import "server-only";
import { z } from "zod";
import { COUNT_LIMITS, DAMAGE_TYPES, FIELDS, NUMBER_RANGES, assertAllowed, assertTechnicianSettings } from "~/domain";
import type { Db } from "../../db";
import { DamageType } from "../../db/generated/client";
import { InvalidRequest, NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { centsInput, rangeInput, textInput } from "../../data/shared-inputs";
import {
  TECHNICIAN_INCLUDE,
  TECHNICIAN_SETTINGS_SELECT,
  technicianSettingsRecord,
  technicianView,
} from "../../data/technicians/technician-view";

const span = z.object({ start: textInput(FIELDS.timeOfDay), end: textInput(FIELDS.timeOfDay) });

function coordinate(name: "latitude" | "longitude") {
  const { min, max } = NUMBER_RANGES[name];
  const message = `The base ${name} must be between ${min} and ${max}.`;
  return rangeInput({ min, max }).min(min, message).max(max, message);
}

export const updateTechnicianInput = z.object({
  technicianId: z.uuid(),
  isManager: z.boolean().optional(),
  approvalLimitCents: centsInput.nullable().optional(),
  canAssignWork: z.boolean().optional(),
  canOverridePricing: z.boolean().optional(),
  managedTechnicianIds: z.array(z.uuid()).max(COUNT_LIMITS.techniciansPerList).optional(),
  isActive: z.boolean().optional(),
  /** {"monday": {"start": "08:00", "end": "17:00"}, ...}; a missing weekday is a day off. */
  workingHours: z.record(z.string(), span).optional(),
  phone: textInput(FIELDS.phone).nullable().optional(),
  /** Damage types they are skilled at (smart assignment's expertise factor). */
  skills: z.array(z.enum(DamageType)).max(DAMAGE_TYPES.length).optional(),
  /** Where their day starts; both or neither (null clears). */
  baseLatitude: coordinate("latitude").nullable().optional(),
  baseLongitude: coordinate("longitude").nullable().optional(),
});
export type UpdateTechnicianInput = z.input<typeof updateTechnicianInput>;

export async function updateTechnician(db: Db, ctx: ServiceContext, raw: UpdateTechnicianInput) {
  const { technicianId, managedTechnicianIds, ...fields } = updateTechnicianInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  await db.$transaction(async (tx) => {
    // Teams change one at a time, so two edits cannot close a circle of managers between them.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:technician-teams'))`;
    const before = await tx.technician.findUnique({ where: { id: technicianId }, select: TECHNICIAN_SETTINGS_SELECT });
    if (!before) throw new NotFound("Technician");
    const managers = await tx.technician.findMany({
      where: { managedTechnicians: { some: {} } },
      select: { id: true, managedTechnicians: { select: { id: true } } },
    });
    const managed = [...new Set(managedTechnicianIds ?? before.managedTechnicians.map((m) => m.id))];
    assertTechnicianSettings(
      {
        technicianId,
        isManager: fields.isManager ?? before.isManager,
        approvalLimitCents:
          fields.approvalLimitCents === undefined ? before.approvalLimitCents : fields.approvalLimitCents,
        managedTechnicianIds: managed,
        workingHours: fields.workingHours ?? before.workingHours,
      },
      new Map(managers.map((m) => [m.id, m.managedTechnicians.map((t) => t.id)])),
    );
    const latitude = fields.baseLatitude === undefined ? before.baseLatitude : fields.baseLatitude;
    const longitude = fields.baseLongitude === undefined ? before.baseLongitude : fields.baseLongitude;
    if ((latitude === null) !== (longitude === null))
      throw new InvalidRequest("BAD_INPUT", "Give the base position's latitude and longitude both, or neither.");
    if (fields.skills) fields.skills = [...new Set(fields.skills)].sort();
    if ((await tx.technician.count({ where: { id: { in: managed } } })) !== managed.length)
      throw new NotFound("Technician");
    const after = await tx.technician.update({
      where: { id: technicianId },
      data: { ...fields, managedTechnicians: { set: managed.map((id) => ({ id })) } },
      select: TECHNICIAN_SETTINGS_SELECT,
    });
    await auditChange(tx, ctx, {
      action: "technician.update",
      entityType: "Technician",
      entityId: technicianId,
      before: technicianSettingsRecord(before),
      after: technicianSettingsRecord(after),
    });
  });
  return technicianView(
    await db.technician.findUniqueOrThrow({ where: { id: technicianId }, include: TECHNICIAN_INCLUDE }),
  );
}
