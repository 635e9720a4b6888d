// "Invoice now" (one customer or all): a run row, then the work on the job queue. One run at a
// time (a partial unique index on the RUNNING row): a second click while one runs joins it rather
// than invoicing twice. Without a queue in this process (tests, `next dev` before the hook), the
// run starts here in the background; the screen polls invoiceRunStatus either way.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db";
import { sendInvoiceRun } from "../../jobs/billing-job-sender";
import { logger } from "../../logging/logger";
import type { ServiceContext } from "../../service-context";
import { runInvoicing } from "./run-invoicing";

export const startInvoiceRunInput = z.object({ customerId: z.uuid().optional() });

/** A run still RUNNING after this long died with its process: it no longer blocks a new one. */
const STALE_RUN_MS = 30 * 60_000;

export type StartedRun = { runId: string; joined: boolean };

export async function startInvoiceRun(
  db: Db,
  ctx: ServiceContext | null,
  input: z.infer<typeof startInvoiceRunInput>,
): Promise<StartedRun> {
  if (ctx) assertAllowed(ctx.actor, "invoice.manage", null);
  const customerId = input.customerId ?? null;
  await db.invoiceRun.updateMany({
    where: { status: "RUNNING", createdAt: { lt: new Date(Date.now() - STALE_RUN_MS) } },
    data: { status: "FAILED", finishedAt: new Date(), error: "stopped: its process ended before it finished" },
  });
  const [created] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "InvoiceRun" ("id", "customerId", "status", "requestedById", "createdAt")
    VALUES (gen_random_uuid(), ${customerId}::uuid, 'RUNNING', ${ctx?.actor.userId ?? null}::uuid, now())
    ON CONFLICT ((true)) WHERE "status" = 'RUNNING' DO NOTHING
    RETURNING id`;
  if (!created) {
    const running = await db.invoiceRun.findFirst({ where: { status: "RUNNING" }, select: { id: true } });
    if (running) return { runId: running.id, joined: true };
    return startInvoiceRun(db, ctx, input); // it finished between the two statements
  }
  const runId = created.id;
  if (ctx)
    await writeAudit(db, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "invoice.run",
      entityType: "InvoiceRun",
      entityId: runId,
      changes: { customerId: { before: null, after: customerId } },
    });
  const sent = await sendInvoiceRun({ runId, customerId, userId: ctx?.actor.userId ?? null });
  if (!sent) {
    void runInvoicing(db, { ctx, customerId: customerId ?? undefined, runId }).catch((error: unknown) =>
      logger().error({ err: error, runId }, "invoicing run failed"),
    );
  }
  return { runId, joined: false };
}
