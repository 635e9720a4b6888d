// A technician's day in driving order (route.day): a technician sees their own, a manager their
// team's, an admin anyone's. Without a technician, the actor's own day; without a day, today.
import "server-only";
import { businessDate } from "../../data/settings/business-day";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { type TechnicianDay, loadTechnicianDay } from "../../data/route/technician-day";

export const getTechnicianDayInput = z.object({
  technicianId: z.uuid().optional(),
  day: z.iso.date().optional(),
});
export type GetTechnicianDayInput = z.input<typeof getTechnicianDayInput>;

export async function getTechnicianDay(
  db: Db,
  ctx: ServiceContext,
  raw: GetTechnicianDayInput,
  now = new Date(),
): Promise<TechnicianDay> {
  const input = getTechnicianDayInput.parse(raw);
  const technicianId = input.technicianId ?? ctx.actor.technician?.id;
  if (!technicianId) throw new InvalidRequest("TECHNICIAN_REQUIRED", "Choose the technician whose day to show.");
  assertAllowed(ctx.actor, "technician.day.view", { technicianId });
  const day = await loadTechnicianDay(db, technicianId, input.day ?? businessDate(now), now);
  if (!day) throw new NotFound("This technician");
  return day;
}
