// An invoicing run: every customer (or one) with completed, uninvoiced repairs is invoiced by its
// cadence, all or nothing: one transaction, so a refusal or a crash half-way leaves no invoice
// and gives every number back. Drafts or issued invoices, as BusinessSettings.invoiceDrafts says.
// Reruns make nothing new: invoiced repairs are no longer candidates, running periods wait.
import "server-only";
import type { Db } from "../../db";
import { type BillingCtx } from "../../data/billing/billing-context";
import { invoiceCustomer } from "../../data/billing/make-invoices";
import { forgetRunProgress, setRunProgress } from "../../data/billing/run-progress";
import { readBillingSettings } from "../../data/billing/billing-settings";

export type InvoicingResult = { customers: number; invoices: number; issued: number; drafts: number };

export async function runInvoicing(
  db: Db,
  options: { ctx?: BillingCtx; customerId?: string; now?: Date; runId?: string | null } = {},
): Promise<InvoicingResult> {
  const now = options.now ?? new Date();
  const ctx = options.ctx ?? null;
  const runId = options.runId ?? null;
  const { invoiceDrafts } = await readBillingSettings(db);
  const customers = await db.$queryRaw<{ customerId: string }[]>`
    SELECT DISTINCT r."customerId" FROM "Repair" r
    WHERE r.status = 'COMPLETED' AND r."priceCents" IS NOT NULL
      AND (${options.customerId ?? null}::uuid IS NULL OR r."customerId" = ${options.customerId ?? null}::uuid)
      AND NOT EXISTS (SELECT 1 FROM "InvoiceLine" l WHERE l."repairId" = r.id AND l.kind = 'REPAIR' AND l.live)
    ORDER BY r."customerId"`;
  const result: InvoicingResult = { customers: customers.length, invoices: 0, issued: 0, drafts: 0 };
  try {
    await db.$transaction(
      async (tx) => {
        for (const [i, { customerId }] of customers.entries()) {
          const made = await invoiceCustomer(tx, ctx, customerId, { now, drafts: invoiceDrafts, runId });
          result.issued += made.issued.length;
          result.drafts += made.drafts.length;
          result.invoices += made.issued.length + made.drafts.length;
          if (runId)
            setRunProgress(runId, {
              customersTotal: customers.length,
              customersDone: i + 1,
              invoicesCreated: result.invoices,
            });
        }
        if (runId)
          await tx.invoiceRun.update({
            where: { id: runId },
            data: {
              status: "DONE",
              finishedAt: new Date(),
              customersTotal: customers.length,
              customersDone: customers.length,
              invoicesCreated: result.invoices,
            },
          });
      },
      { timeout: 15 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (runId)
      await db.invoiceRun.update({
        where: { id: runId },
        data: {
          status: "FAILED",
          finishedAt: new Date(),
          error: String((error as Error).message ?? error).slice(0, 500),
        },
      });
    throw error;
  } finally {
    if (runId) forgetRunProgress(runId);
  }
  return result;
}
