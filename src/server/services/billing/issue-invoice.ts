// Issuing a draft an admin reviewed: its number, due date, and its repairs INVOICED.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { type IssuedInvoice, issueInvoices } from "../../data/billing/issue-invoices";
import { loadInvoiceFor } from "../../data/billing/load-invoice-for";
import type { ServiceContext } from "../../service-context";

export const issueInvoiceInput = z.object({ invoiceId: z.uuid() });

export async function issueInvoice(
  db: Db,
  ctx: ServiceContext,
  input: z.infer<typeof issueInvoiceInput>,
): Promise<IssuedInvoice> {
  assertAllowed(ctx.actor, "invoice.manage", null);
  // Issuers take turns on the year's counter row: one waiting for a connection is normal.
  return db.$transaction(
    async (tx) => {
      await loadInvoiceFor(tx, ctx.actor, input.invoiceId, { lock: false });
      const [issued] = await issueInvoices(tx, ctx, [input.invoiceId]);
      return issued!;
    },
    { maxWait: 30_000 },
  );
}
