// GET /api/v1/repairs; logic in src/server/public-api/repairs.ts.
import { db } from "~/server/db";
import { apiOperation } from "~/server/public-api/handle";
import { listRepairsOperation } from "~/server/public-api/repairs";

export async function GET(request: Request) {
  return apiOperation(db(), request, "repairs:read", (caller) => listRepairsOperation(db(), caller, request));
}
