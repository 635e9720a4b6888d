// Every service reaches a repair through here: one the actor may not see is "not found",
// never described by a refusal (a customer must not learn about another's repairs).
import "server-only";
import { type Actor, type RepairRef, decide } from "~/domain/index";
import type { DbTx } from "../../db";
import type { Repair } from "../../db/generated/client";
import { NotFound } from "../../errors";

/** The repair as the permission rules see it; before completion its price is the current estimate. */
export const repairRef = (
  repair: Pick<Repair, "customerId" | "technicianId" | "priceCents" | "estimateCents" | "status">,
): RepairRef => ({
  customerId: repair.customerId,
  technicianId: repair.technicianId,
  priceCents: repair.priceCents ?? repair.estimateCents ?? 0,
  status: repair.status,
});

/** `lock`: hold the row until the transaction ends, so two decisions on one repair run one after the other. */
export async function loadRepairFor(
  tx: DbTx,
  actor: Actor,
  repairId: string,
  options: { lock: boolean },
): Promise<Repair> {
  if (options.lock) await tx.$queryRaw`SELECT 1 FROM "Repair" WHERE id = ${repairId}::uuid FOR UPDATE`;
  const repair = await tx.repair.findUnique({ where: { id: repairId } });
  if (!repair || !decide(actor, "repair.view", repairRef(repair)).allowed) throw new NotFound("Repair");
  return repair;
}

/**
 * Several repairs at once, in id order (the one lock order of every batch, so two batches cannot
 * deadlock), locked in one statement. The first id in that order the actor may not see is "not found".
 */
export async function loadRepairsFor(tx: DbTx, actor: Actor, repairIds: readonly string[]): Promise<Repair[]> {
  const ids = [...new Set(repairIds.map((id) => id.toLowerCase()))].sort();
  await tx.$queryRaw`SELECT 1 FROM "Repair" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  const byId = new Map((await tx.repair.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r]));
  return ids.map((id) => {
    const repair = byId.get(id);
    if (!repair || !decide(actor, "repair.view", repairRef(repair)).allowed) throw new NotFound("Repair");
    return repair;
  });
}
