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
