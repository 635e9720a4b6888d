// A discount an admin adds to a draft before issuing it (a goodwill gesture, a negotiated rebate):
// a line of its own, never a change to a repair's price.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed, formatCents } from "~/domain";
import type { Db } from "../../db";
import { auditChange } from "../../data/audit-change";
import { centsInput, textInput } from "../../data/shared-inputs";
import { loadInvoiceFor } from "../../data/billing/load-invoice-for";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";

export const addDiscountLineInput = z.object({
  invoiceId: z.uuid(),
  description: textInput(FIELDS.invoiceLine, { required: true }),
  /** What the discount takes off, in cents (> 0). */
  amountCents: centsInput.refine((n) => n > 0, "a discount is more than zero"),
});

export async function addDiscountLine(db: Db, ctx: ServiceContext, input: z.infer<typeof addDiscountLineInput>) {
  assertAllowed(ctx.actor, "invoice.manage", null);
  return db.$transaction(async (tx) => {
    const invoice = await loadInvoiceFor(tx, ctx.actor, input.invoiceId, { lock: true });
    if (invoice.status !== "DRAFT")
      throw new InvalidRequest("INVOICE_NOT_DRAFT", "an issued invoice is never edited: correct it with a credit note");
    const totalCents = invoice.totalCents - input.amountCents;
    if (totalCents < 0)
      throw new InvalidRequest(
        "INVALID_INVOICE",
        `a discount of ${formatCents(input.amountCents)} is more than the ${formatCents(invoice.totalCents)} invoiced`,
      );
    const position = await tx.invoiceLine.count({ where: { invoiceId: invoice.id } });
    const line = await tx.invoiceLine.create({
      data: {
        invoiceId: invoice.id,
        position,
        kind: "DISCOUNT",
        description: input.description,
        amountCents: -input.amountCents,
      },
    });
    const after = await tx.invoice.update({
      where: { id: invoice.id },
      data: { adjustmentsCents: invoice.adjustmentsCents - input.amountCents, totalCents },
    });
    await auditChange(tx, ctx, {
      action: "invoice.discount",
      entityType: "Invoice",
      entityId: invoice.id,
      before: invoice,
      after,
      extra: {
        discount: {
          before: null,
          after: { lineId: line.id, description: input.description, amountCents: -input.amountCents },
        },
      },
    });
    return { lineId: line.id, totalCents };
  });
}
