// An invoice as a PDF; logic in src/server/http/invoice-pdf-response.ts.
import { db } from "~/server/db";
import { invoicePdfResponse } from "~/server/http/invoice-pdf-response";
import { requestActor } from "~/server/http/request-actor";

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  return invoicePdfResponse(db(), await requestActor(), (await params).invoiceId);
}
