// The one path of a status change on an existing repair: the domain authorizes the move
// (transition table, then permissions), the fields are written, the change is audited; a
// completion grants its reward points.
import "server-only";
import { type Action, type AuthorizationFacts, type Status, authorizeTransition, flagSettledBy } from "~/domain/index";
import type { Changes } from "../../audit/write-audit";
import type { DbTx } from "../../db";
import type { Prisma, Repair } from "../../db/generated/client";
import { auditChange, auditChanges } from "../audit-change";
import { recordEvents } from "../events/record-event";
import { repairEvents } from "../events/repair-events";
import { grantRewardsForCompletion } from "../rewards/grant-rewards";
import type { ServiceContext } from "../../service-context";
import { loadRepairFor, loadRepairsFor, repairRef } from "./load-repair-for";

export type StatusChange = {
  action: Action;
  facts?: AuthorizationFacts;
  /** Fields written with the new status; computed only once the move is authorized. */
  fields?: () => Prisma.RepairUncheckedUpdateInput | Promise<Prisma.RepairUncheckedUpdateInput>;
  /** Audit lines for what is not a field of the repair (attachments added, ...). */
  extraChanges?: Changes;
};

/** `repair` must have been loaded with loadRepairFor(…, { lock: true }) in this transaction. */
export async function applyStatusChange(
  tx: DbTx,
  ctx: ServiceContext,
  repair: Repair,
  change: StatusChange,
): Promise<Repair> {
  const { to } = authorizeTransition(ctx.actor, change.action, repairRef(repair), change.facts);
  const fields = change.fields ? await change.fields() : {};
  // A sync flag about this decision is settled by it (audited with the change).
  const settled = flagSettledBy(repair, change.action);
  const flag = settled
    ? { flagResolvedAt: new Date(), flagResolvedById: ctx.actor.userId, flagResolutionNote: settled }
    : {};
  const after = await tx.repair.update({ where: { id: repair.id }, data: { ...fields, ...flag, status: to } });
  await auditChange(tx, ctx, {
    action: `repair.${change.action}`,
    entityType: "Repair",
    entityId: repair.id,
    before: repair,
    after,
    extra: change.extraChanges,
  });
  await recordEvents(tx, repairEvents(repair, after, ctx.actor.userId));
  // Points for the work, in the same transaction as the completion.
  if (to === "COMPLETED") await grantRewardsForCompletion(tx, [after], { createdById: ctx.actor.userId });
  return after;
}

export async function changeRepairStatus(
  tx: DbTx,
  ctx: ServiceContext,
  repairId: string,
  change: StatusChange,
): Promise<Repair> {
  const repair = await loadRepairFor(tx, ctx.actor, repairId, { lock: true });
  return applyStatusChange(tx, ctx, repair, change);
}

/**
 * The same change on several repairs, all or none, with a statement per step rather than per
 * repair (a selection of hundreds fits a transaction's time): one lock, one update per outcome,
 * one audit insert, one events insert. Refuses as the first repair in id order that fails would.
 */
export async function changeRepairsStatus(
  tx: DbTx,
  ctx: ServiceContext,
  repairIds: readonly string[],
  change: StatusChange,
): Promise<Repair[]> {
  const before = await loadRepairsFor(tx, ctx.actor, repairIds);
  const moves = before.map((repair) => ({
    repair,
    to: authorizeTransition(ctx.actor, change.action, repairRef(repair), change.facts).to,
    settled: flagSettledBy(repair, change.action),
  }));
  const fields = change.fields ? await change.fields() : {};
  const resolvedAt = new Date();
  // Repairs whose update is the same (target status, flag settled or not) share one statement.
  const groups = new Map<string, { to: Status; settled: string | null; ids: string[] }>();
  for (const { repair, to, settled } of moves) {
    const key = JSON.stringify([to, settled]);
    const group = groups.get(key) ?? { to, settled, ids: [] };
    group.ids.push(repair.id);
    groups.set(key, group);
  }
  for (const { to, settled, ids } of groups.values()) {
    const flag = settled
      ? { flagResolvedAt: resolvedAt, flagResolvedById: ctx.actor.userId, flagResolutionNote: settled }
      : {};
    await tx.repair.updateMany({ where: { id: { in: ids } }, data: { ...fields, ...flag, status: to } });
  }
  const afterById = new Map(
    (await tx.repair.findMany({ where: { id: { in: before.map((r) => r.id) } } })).map((r) => [r.id, r]),
  );
  const after = before.map((r) => afterById.get(r.id)!);
  await auditChanges(
    tx,
    ctx,
    before.map((repair, i) => ({
      action: `repair.${change.action}`,
      entityType: "Repair",
      entityId: repair.id,
      before: repair,
      after: after[i]!,
      extra: change.extraChanges,
    })),
  );
  await recordEvents(
    tx,
    before.flatMap((repair, i) => repairEvents(repair, after[i]!, ctx.actor.userId)),
  );
  const completed = after.filter((r) => r.status === "COMPLETED");
  if (completed.length) await grantRewardsForCompletion(tx, completed, { createdById: ctx.actor.userId });
  return after;
}
