// /api/v1/repairs/deny; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const POST = apiRoute("denyRepairs");
