// The one audit writer. Every service calls it inside its own transaction, so a change and
// its audit entry are committed together or not at all.
import "server-only";
import { randomUUID } from "node:crypto";
import type { DbTx } from "../db";
import { insertRows } from "../db/insert-rows";

export type RequestOrigin = { ip: string | null; userAgent: string | null };
export type AuditActor = { userId: string; email: string } | null;
export type Changes = Record<string, { before: unknown; after: unknown }>;

/** Fields whose value differs between before and after, as {field: {before, after}}. */
export function diffChanges(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    const b = before?.[key] ?? null;
    const a = after[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: toJson(b), after: toJson(a) };
  }
  return changes;
}

function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (value !== null && typeof value === "object" && "toFixed" in value) return String(value); // Prisma Decimal
  return value;
}

export type AuditEntry = {
  actor: AuditActor;
  origin: RequestOrigin;
  action: string;
  entityType: string;
  entityId: string;
  changes: Changes;
};

export async function writeAudit(tx: DbTx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: auditRow(entry) });
}

/** Several entries in one insert (a sync batch's captures). */
export async function writeAudits(tx: DbTx, entries: readonly AuditEntry[]): Promise<void> {
  await insertRows(
    tx,
    "AuditLog",
    entries.map((entry) => ({ id: randomUUID(), ...auditRow(entry) })),
  );
}

const auditRow = (entry: AuditEntry) => ({
  actorId: entry.actor?.userId ?? null,
  actorEmail: entry.actor?.email ?? null,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  changes: entry.changes as object,
  ip: entry.origin.ip,
  userAgent: entry.origin.userAgent,
});
