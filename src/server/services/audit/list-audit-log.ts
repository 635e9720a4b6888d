// The audit trail for the admin: who did what to which record, from where,
// before -> after; filtered by record, actor, action and time, newest first, a page at a time.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { plusDays } from "~/domain/analytics";
import { businessDayStart } from "~/domain/business-month";
import { config } from "../../config";
import { pageInput, pageOf, pageQuery } from "../../data/page";
import { textInput } from "../../data/shared-inputs";

const businessDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date is written yyyy-mm-dd.");

export const listAuditLogInput = z.object({
  entityType: textInput(FIELDS.filter).optional(),
  entityId: textInput(FIELDS.filter).optional(),
  actorId: z.uuid().optional(),
  /** An exact action ("repair.approve"), or a prefix ending in a dot ("repair.") for all of an area. */
  action: textInput(FIELDS.filter).optional(),
  /** Business days (the business's time zone), both included: the same days as the CSV and the period report. */
  from: businessDay.optional(),
  to: businessDay.optional(),
  ...pageInput(50, 200),
});
export type ListAuditLogInput = z.input<typeof listAuditLogInput>;

export async function listAuditLog(db: Db, ctx: ServiceContext, raw: ListAuditLogInput = {}) {
  const input = listAuditLogInput.parse(raw);
  assertAllowed(ctx.actor, "audit.view", null);
  const timeZone = config().BUSINESS_TIME_ZONE;
  const rows = await db.auditLog.findMany({
    where: {
      entityType: input.entityType,
      entityId: input.entityId,
      actorId: input.actorId,
      action: input.action?.endsWith(".") ? { startsWith: input.action } : input.action,
      createdAt:
        input.from || input.to
          ? {
              gte: input.from ? businessDayStart(input.from, timeZone) : undefined,
              lt: input.to ? businessDayStart(plusDays(input.to, 1), timeZone) : undefined,
            }
          : undefined,
    },
    include: { actor: { select: { name: true } } },
    omit: { seq: true },
    // Entries written together share createdAt; seq keeps the order they were written in.
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    ...pageQuery(input),
  });
  const page = pageOf(rows, input.limit);
  return {
    ...page,
    items: page.items.map(({ actor, ...entry }) => ({
      ...entry,
      actorName: actor?.name ?? null,
      changes: entry.changes as Record<string, { before: unknown; after: unknown }>,
    })),
  };
}
