// One unit's repairs, newest first, as the office's unit list shows them (admin's Units tab):
// each with its facts, photos' and voice notes' metadata. Only repairs the actor may see
// (loadRepairCards checks each one), so an unknown or unreachable unit answers an empty list.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { loadRepairCards } from "../../data/repairs/load-repair-cards";

export const listUnitRepairsInput = z.object({
  unitId: z.uuid(),
  limit: z.number().int().min(1).max(100).default(50),
});

export async function listUnitRepairs(db: Db, ctx: ServiceContext, raw: z.input<typeof listUnitRepairsInput>) {
  const input = listUnitRepairsInput.parse(raw);
  return loadRepairCards(
    db,
    ctx.actor,
    { unitId: input.unitId },
    { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit },
  );
}
