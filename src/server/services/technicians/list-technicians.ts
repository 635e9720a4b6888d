// Every technician with their account, rights, team and working hours: the admin's staff list.
import "server-only";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { TECHNICIAN_INCLUDE, technicianView } from "../../data/technicians/technician-view";

export async function listTechnicians(db: Db, ctx: ServiceContext) {
  assertAllowed(ctx.actor, "user.manage", null);
  const technicians = await db.technician.findMany({ include: TECHNICIAN_INCLUDE });
  return technicians.map(technicianView).sort((a, b) => a.name.localeCompare(b.name));
}
