// An analytics table or chart as CSV, for the signed-in actor's own scope; logic in
// src/server/http/analytics-csv.ts.
import { db } from "~/server/db";
import { analyticsCsvResponse } from "~/server/http/analytics-csv";
import { requestActor } from "~/server/http/request-actor";

export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  return analyticsCsvResponse(
    db(),
    await requestActor(),
    table.replace(/\.csv$/, ""),
    new URL(request.url).searchParams,
  );
}
