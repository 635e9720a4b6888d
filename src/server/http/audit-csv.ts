// The audit trail as CSV for an admin, with the audit screen's filters in the address (entityType,
// entityId, actorId, action: exact or a prefix ending in a dot, from/to: business days, both
// included). Streamed newest first a page at a time by keyset on (createdAt, seq), so a long trail
// never sits in memory. Anyone else: not found.
import "server-only";
import { z } from "zod";
import { FIELDS, decide } from "~/domain";
import { plusDays } from "~/domain/analytics";
import type { ActorWithIdentity } from "../auth/actor";
import { config } from "../config";
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { midnight } from "../data/analytics/dashboard-queries";
import { textInput } from "../data/shared-inputs";
import { type Cells, streamed } from "./analytics-csv";
import { refusalResponse, refusedResponse, signedOutResponse } from "./refusal-response";

const PAGE = 1000;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date is written yyyy-mm-dd.");

export const auditCsvInput = z.object({
  entityType: textInput(FIELDS.filter).optional(),
  entityId: textInput(FIELDS.filter).optional(),
  actorId: z.uuid().optional(),
  action: textInput(FIELDS.filter).optional(),
  from: day.optional(),
  to: day.optional(),
});

export async function auditCsvResponse(db: Db, actor: ActorWithIdentity | null, search: URLSearchParams) {
  if (!actor) return signedOutResponse();
  if (!decide(actor, "audit.view", null).allowed) return refusedResponse("NOT_FOUND", "No such export.");
  try {
    const input = auditCsvInput.parse(
      Object.fromEntries(
        ["entityType", "entityId", "actorId", "action", "from", "to"].map((k) => [k, search.get(k) || undefined]),
      ),
    );
    const timeZone = config().BUSINESS_TIME_ZONE;
    const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (input.entityType) conditions.push(Prisma.sql`a."entityType" = ${input.entityType}`);
    if (input.entityId) conditions.push(Prisma.sql`a."entityId" = ${input.entityId}`);
    if (input.actorId) conditions.push(Prisma.sql`a."actorId" = ${input.actorId}::uuid`);
    if (input.action)
      conditions.push(
        input.action.endsWith(".")
          ? Prisma.sql`starts_with(a.action, ${input.action})`
          : Prisma.sql`a.action = ${input.action}`,
      );
    if (input.from) conditions.push(Prisma.sql`a."createdAt" >= ${midnight(input.from, timeZone)}`);
    if (input.to) conditions.push(Prisma.sql`a."createdAt" < ${midnight(plusDays(input.to, 1), timeZone)}`);
    const where = Prisma.join(conditions, " AND ");
    async function* pages(): AsyncGenerator<Cells[]> {
      let after: { createdAt: Date; seq: bigint } | null = null;
      for (;;) {
        const keyset: Prisma.Sql = after
          ? Prisma.sql`AND (a."createdAt", a.seq) < (${after.createdAt}, ${after.seq})`
          : Prisma.empty;
        const rows: {
          createdAt: Date;
          seq: bigint;
          actorName: string | null;
          actorEmail: string | null;
          action: string;
          entityType: string;
          entityId: string;
          changes: unknown;
          ip: string | null;
        }[] = await db.$queryRaw`
          SELECT a."createdAt", a.seq, u.name AS "actorName", a."actorEmail", a.action, a."entityType",
            a."entityId", a.changes, a.ip
          FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
          WHERE ${where} ${keyset}
          ORDER BY a."createdAt" DESC, a.seq DESC
          LIMIT ${PAGE}`;
        if (rows.length === 0) return;
        yield rows.map((r) => [
          r.createdAt.toISOString(),
          r.actorName ?? "",
          r.actorEmail ?? "",
          r.action,
          r.entityType,
          r.entityId,
          JSON.stringify(r.changes),
          r.ip ?? "",
        ]);
        if (rows.length < PAGE) return;
        const last = rows.at(-1)!;
        after = { createdAt: last.createdAt, seq: last.seq };
      }
    }
    return streamed(
      "audit-log.csv",
      ["at", "actor", "actor_email", "action", "entity_type", "entity_id", "changes", "ip"],
      pages(),
    );
  } catch (error) {
    return refusalResponse(error, "audit csv");
  }
}
