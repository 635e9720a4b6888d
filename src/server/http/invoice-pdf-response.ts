// GET /api/invoices/{invoiceId}/pdf: the invoice as a PDF for admins, managers and the customer's
// own users; 404 for anyone else (another customer's invoice is "not found", never "forbidden"),
// and for a customer, a draft.
import "server-only";
import { type Readable } from "node:stream";
import { z } from "zod";
import type { ActorWithIdentity } from "../auth/actor";
import type { Db } from "../db";
import { readBillingSettings } from "../data/billing/billing-settings";
import { invoiceDamageMarks } from "../data/billing/invoice-damage-marks";
import { loadInvoiceFor } from "../data/billing/load-invoice-for";
import { type Signature, renderInvoicePdf } from "../data/billing/render-invoice-pdf";
import { NotFound } from "../errors";
import { readAttachmentContent } from "../services/attachments/read-attachment-content";
import { invoiceDocument } from "../services/billing/invoice-views";
import { refusalResponse, signedOutResponse } from "./refusal-response";

export async function invoicePdfResponse(
  db: Db,
  actor: ActorWithIdentity | null,
  invoiceId: string,
): Promise<Response> {
  if (!actor) return signedOutResponse();
  try {
    const id = z.uuid().safeParse(invoiceId);
    if (!id.success) throw new NotFound("Invoice");
    const invoice = await loadInvoiceFor(db, actor, id.data, { lock: false });
    if (actor.role === "CUSTOMER" && invoice.status === "DRAFT") throw new NotFound("Invoice");
    const document = await invoiceDocument(db, invoice.id);
    const pdf = await renderInvoicePdf(
      document,
      await readBillingSettings(db),
      await signatureOf(db, actor, document),
      await invoiceDamageMarks(db, document),
    );
    const name = (document.number ?? `draft-${document.id.slice(0, 8)}`).replace(/[^A-Za-z0-9-]/g, "");
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.length),
        "Content-Disposition": `attachment; filename="${name}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return refusalResponse(error, "invoice pdf");
  }
}

/** The walk's signature image, when the reader may see it; the PDF says who signed either way. */
async function signatureOf(
  db: Db,
  actor: ActorWithIdentity,
  document: Awaited<ReturnType<typeof invoiceDocument>>,
): Promise<Signature> {
  const attachmentId = document.walk?.signatureAttachmentId;
  if (!attachmentId) return null;
  try {
    const content = await readAttachmentContent(db, actor, attachmentId);
    const chunks: Buffer[] = [];
    for await (const chunk of content.body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
    return { bytes: Buffer.concat(chunks), mimeType: content.mimeType };
  } catch {
    return null;
  }
}
