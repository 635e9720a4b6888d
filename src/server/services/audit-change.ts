// One audit entry for one changed record, written inside the service's transaction.
import { type Changes, diffChanges, writeAudit } from "../audit/write-audit";
import type { DbTx } from "../db";
import type { ServiceContext } from "./context";

type Row = Record<string, unknown>;

export async function auditChange(
  tx: DbTx,
  ctx: ServiceContext,
  entry: { action: string; entityType: string; entityId: string; before: Row | null; after: Row; extra?: Changes },
): Promise<void> {
  // updatedAt changes on every write and says nothing a reader of the log needs.
  const { updatedAt: _before, ...before } = entry.before ?? {};
  const { updatedAt: _after, ...after } = entry.after;
  await writeAudit(tx, {
    actor: { userId: ctx.actor.userId, email: ctx.actor.email },
    origin: ctx.origin,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: { ...diffChanges(entry.before ? before : null, after), ...entry.extra },
  });
}
