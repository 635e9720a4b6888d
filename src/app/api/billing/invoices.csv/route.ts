// Every invoice and credit note as CSV, for admins; logic in src/server/http/billing-csv.ts.
import { db } from "~/server/db";
import { invoicesCsvResponse } from "~/server/http/billing-csv";
import { requestActor } from "~/server/http/request-actor";

export async function GET() {
  return invoicesCsvResponse(db(), await requestActor());
}
