// The audit trail as CSV for an admin, with the audit screen's filters; logic in
// src/server/http/audit-csv.ts.
import { db } from "~/server/db";
import { auditCsvResponse } from "~/server/http/audit-csv";
import { requestActor } from "~/server/http/request-actor";

export async function GET(request: Request) {
  return auditCsvResponse(db(), await requestActor(), new URL(request.url).searchParams);
}
