// /api/v1/invoices: list, get and the PDF through the billing services the screens and the portal
// use (a customer key: its own company's issued documents; another's is 404).
import "server-only";
import { z } from "zod";
import { invoicePdfResponse } from "../http/invoice-pdf-response";
import { getInvoice, listInvoices } from "../services/billing/invoice-views";
import { type OperationInput, pathId } from "./context";
import { API_PAGE_MAX } from "./repairs";

const INVOICE_STATES = ["DRAFT", "ISSUED", "PARTLY_PAID", "PAID", "OVERDUE", "VOID"] as const;

export const listInvoicesQuery = z.strictObject({
  customer: z.uuid().optional(),
  state: z.enum(INVOICE_STATES).optional(),
  kind: z.enum(["INVOICE", "CREDIT_NOTE"]).optional(),
  limit: z.coerce.number().int().min(1).max(API_PAGE_MAX).default(50),
});

export const invoiceSummarySchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  kind: z.enum(["INVOICE", "CREDIT_NOTE"]),
  customerId: z.uuid(),
  customerName: z.string(),
  state: z.enum(INVOICE_STATES),
  periodStart: z.string(),
  periodEnd: z.string(),
  issuedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  totalCents: z.int(),
  paidCents: z.int(),
  balanceCents: z.int(),
  lineCount: z.int(),
});
export const invoiceListSchema = z.object({ items: z.array(invoiceSummarySchema) });
export const invoiceSchema = z.looseObject({
  id: z.uuid(),
  number: z.string().nullable(),
  state: z.enum(INVOICE_STATES),
  totalCents: z.int(),
  balanceCents: z.int(),
  lines: z.array(z.looseObject({ id: z.uuid(), amountCents: z.int() })),
  payments: z.array(z.looseObject({ id: z.uuid(), amountCents: z.int() })),
});

export async function listInvoicesOperation({
  db,
  ctx,
  query,
}: OperationInput<undefined, z.output<typeof listInvoicesQuery>>) {
  const items = await listInvoices(db, ctx, {
    customerId: query.customer,
    state: query.state,
    kind: query.kind,
    limit: query.limit,
  });
  return { items };
}

export const getInvoiceOperation = ({ db, ctx, id }: OperationInput) =>
  getInvoice(db, ctx, { invoiceId: pathId(id, "Invoice") });

/** The PDF once getInvoice has said the caller may read the invoice (refusals stay problem+json). */
export async function invoicePdfOperation(input: OperationInput) {
  const invoice = await getInvoiceOperation(input);
  return invoicePdfResponse(input.db, input.caller.actor, invoice.id);
}
