// A device's queued change on an existing repair is written once: the same client id replayed
// answers with the repair as it now stands, and creates nothing twice. The receipt is written in
// the change's own transaction, and looked up after the repair's row lock, so a replay running
// beside its first push waits for it and then finds it.
import "server-only";
import type { Actor } from "~/domain/index";
import type { DbTx } from "../../db";
import type { Repair } from "../../db/generated/client";
import { InvalidRequest } from "../../errors";

export type RepairChangeKind = "start" | "complete" | "addPhoto" | "markUrgent";

/** Locks the repair's row for the rest of the transaction (nothing when it does not exist). */
export async function lockRepairRow(tx: DbTx, repairId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Repair" WHERE id = ${repairId}::uuid FOR UPDATE`;
}

/**
 * The repair a change with this client id was already applied to, when it is a replay of it
 * (same person, same kind, same repair); ID_IN_USE when the id belongs to another change.
 * Call after lockRepairRow.
 */
export async function earlierChange(
  tx: DbTx,
  actor: Actor,
  change: { id: string; kind: RepairChangeKind; repairId: string },
): Promise<Repair | null> {
  const existing = await tx.repairChange.findUnique({ where: { id: change.id }, include: { repair: true } });
  if (!existing) return null;
  if (existing.createdById !== actor.userId || existing.kind !== change.kind || existing.repairId !== change.repairId)
    throw new InvalidRequest("ID_IN_USE", "This change's id is already used by another change.");
  return existing.repair;
}

export async function recordChange(
  tx: DbTx,
  actor: Actor,
  change: { id: string; kind: RepairChangeKind; repairId: string },
): Promise<void> {
  await tx.repairChange.create({ data: { ...change, createdById: actor.userId } });
}

/**
 * Applies a change once: with a client id (a queued change from a device), a replay returns the
 * repair the first push left; without one (an online call), it simply applies.
 */
export async function applyOnce(
  tx: DbTx,
  actor: Actor,
  change: { id: string; kind: RepairChangeKind; repairId: string } | null,
  apply: () => Promise<Repair>,
): Promise<Repair> {
  if (!change) return apply();
  await lockRepairRow(tx, change.repairId);
  const earlier = await earlierChange(tx, actor, change);
  if (earlier) return earlier;
  const changed = await apply();
  await recordChange(tx, actor, change);
  return changed;
}

/** A time the device reports for work it did offline: never later than the server's clock. */
export const notAfterNow = (at: Date | undefined, now = new Date()): Date => (at && at < now ? at : now);
