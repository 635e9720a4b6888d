// /api/v1/analytics/summary; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const GET = apiRoute("analyticsSummary");
