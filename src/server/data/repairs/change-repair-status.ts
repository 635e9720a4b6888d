// The one path of a status change on an existing repair: the domain authorizes the move
// (transition table, then permissions), the fields are written, the change is audited; a
// completion grants its reward points.
import "server-only";
import { type Action, type AuthorizationFacts, authorizeTransition, flagSettledBy } from "~/domain/index";
import type { Changes } from "../../audit/write-audit";
import type { DbTx } from "../../db";
import type { Prisma, Repair } from "../../db/generated/client";
import { auditChange } from "../audit-change";
import { recordEvents } from "../events/record-event";
import { repairEvents } from "../events/repair-events";
import { grantRewardsForCompletion } from "../rewards/grant-rewards";
import type { ServiceContext } from "../../service-context";
import { loadRepairFor, repairRef } from "./load-repair-for";

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

/** The same change on several repairs, all or none; always in one lock order, so two batches cannot deadlock. */
export async function changeRepairsStatus(
  tx: DbTx,
  ctx: ServiceContext,
  repairIds: readonly string[],
  change: StatusChange,
): Promise<Repair[]> {
  const changed: Repair[] = [];
  for (const id of [...new Set(repairIds)].sort()) changed.push(await changeRepairStatus(tx, ctx, id, change));
  return changed;
}
