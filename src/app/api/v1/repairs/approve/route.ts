// /api/v1/repairs/approve; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const POST = apiRoute("approveRepairs");
