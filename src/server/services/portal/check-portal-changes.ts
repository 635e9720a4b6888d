// Polled by an open /portal every few seconds (while the tab is visible): has anything it shows
// changed? The customer's repairs (a status change touches updatedAt; a count catches a repair
// leaving), its walks and walk requests, its units and windshield reports, and its message
// threads. Index-backed aggregates, no rows: the screen refetches its lists only when the
// cursor moves (the same approach as the manager's check-queue-changes.ts).
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { FIELDS, assertAllowed } from "~/domain/index";
import type { Db } from "../../db";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { textInput } from "../../data/shared-inputs";

export const checkPortalChangesInput = z.object({ cursor: textInput(FIELDS.filter).optional() });
export type CheckPortalChangesInput = z.input<typeof checkPortalChangesInput>;

const stamp = (agg: { _count: { _all: number }; _max: { updatedAt?: Date | null } }) => [
  agg._count._all,
  agg._max.updatedAt?.getTime() ?? 0,
];

export async function checkPortalChanges(db: Db, ctx: ServiceContext, raw: CheckPortalChangesInput = {}) {
  const input = checkPortalChangesInput.parse(raw);
  const customerId = ctx.actor.customerId;
  if (!customerId) throw new InvalidRequest("CUSTOMER_REQUIRED", "This account belongs to no customer.");
  assertAllowed(ctx.actor, "customer.settings.view", { customerId });
  const state = await db.$transaction(async (tx) => {
    const all = { _count: { _all: true }, _max: { updatedAt: true } } as const;
    const repairs = await tx.repair.aggregate({ where: { customerId }, ...all });
    const walks = await tx.lotWalk.aggregate({ where: { customerId }, ...all });
    const units = await tx.unit.aggregate({ where: { customerId }, ...all });
    const reports = await tx.windshieldReport.aggregate({ where: { customerId }, ...all });
    const threads = await tx.messageThread.aggregate({
      where: { customerId },
      _count: { _all: true },
      _max: { lastMessageAt: true },
    });
    const read = await tx.messageRead.aggregate({
      where: { userId: ctx.actor.userId, thread: { customerId } },
      _max: { lastReadAt: true },
    });
    return [
      stamp(repairs),
      stamp(walks),
      stamp(units),
      stamp(reports),
      [threads._count._all, threads._max.lastMessageAt?.getTime() ?? 0, read._max.lastReadAt?.getTime() ?? 0],
    ];
  });
  const cursor = createHash("sha256").update(JSON.stringify(state)).digest("base64url").slice(0, 22);
  return { cursor, changed: cursor !== input.cursor };
}
