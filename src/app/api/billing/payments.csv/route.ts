// Every payment as CSV, for admins; logic in src/server/http/billing-csv.ts.
import { db } from "~/server/db";
import { paymentsCsvResponse } from "~/server/http/billing-csv";
import { requestActor } from "~/server/http/request-actor";

export async function GET() {
  return paymentsCsvResponse(db(), await requestActor());
}
