// Every service reaches an invoice through here: one the actor may not see (another customer's)
// is "not found", never "forbidden", so its existence does not leak.
import "server-only";
import { type Actor, decide } from "~/domain";
import type { DbTx } from "../../db";
import type { Invoice } from "../../db/generated/client";
import { NotFound } from "../../errors";

export async function loadInvoiceFor(
  tx: DbTx,
  actor: Actor,
  invoiceId: string,
  options: { lock: boolean },
): Promise<Invoice> {
  if (options.lock) await tx.$queryRaw`SELECT 1 FROM "Invoice" WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  const invoice = await tx.invoice.findUnique({ where: { id: invoiceId } });
  if (!invoice || !decide(actor, "invoice.view", { customerId: invoice.customerId }).allowed)
    throw new NotFound("Invoice");
  return invoice;
}
