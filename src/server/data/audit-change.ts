// One audit entry for one changed record, written inside the service's transaction.
import "server-only";
import { type AuditEntry, type Changes, diffChanges, writeAudit, writeAudits } from "../audit/write-audit";
import type { DbTx } from "../db";
import type { ServiceContext } from "../service-context";

type Row = Record<string, unknown>;

export type ChangeEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before: Row | null;
  after: Row;
  extra?: Changes;
};

export async function auditChange(tx: DbTx, ctx: ServiceContext, entry: ChangeEntry): Promise<void> {
  await writeAudit(tx, auditEntry(ctx, entry));
}

/** One entry per changed record, all in one insert: the same entries auditChange writes one by one. */
export async function auditChanges(tx: DbTx, ctx: ServiceContext, entries: readonly ChangeEntry[]): Promise<void> {
  await writeAudits(
    tx,
    entries.map((entry) => auditEntry(ctx, entry)),
  );
}

function auditEntry(ctx: ServiceContext, entry: ChangeEntry): AuditEntry {
  // updatedAt changes on every write and says nothing a reader of the log needs.
  const { updatedAt: _before, ...before } = entry.before ?? {};
  const { updatedAt: _after, ...after } = entry.after;
  return {
    actor: { userId: ctx.actor.userId, email: ctx.actor.email },
    origin: ctx.origin,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: { ...diffChanges(entry.before ? before : null, after), ...entry.extra },
  };
}
