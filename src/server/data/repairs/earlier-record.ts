// Replaying a sync must not make a second repair: the same id from its creator returns the
// record made the first time; the same id from anyone else is refused.
import "server-only";
import type { Actor } from "~/domain/index";
import type { DbTx } from "../../db";
import type { Repair, RepairOrigin } from "../../db/generated/client";
import { InvalidRequest } from "../../errors";

export async function earlierRecord(tx: DbTx, actor: Actor, id: string, origin: RepairOrigin): Promise<Repair | null> {
  const existing = await tx.repair.findUnique({ where: { id } });
  return existing && replayOf(existing, actor, origin);
}

/** The record already stored under a new record's id, when it is a replay of it; throws ID_IN_USE otherwise. */
export function replayOf(existing: Repair, actor: Actor, origin: RepairOrigin): Repair {
  if (existing.createdById !== actor.userId || existing.origin !== origin) {
    throw new InvalidRequest("ID_IN_USE", "This repair id is already used by another record.");
  }
  return existing;
}
