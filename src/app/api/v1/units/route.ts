// /api/v1/units; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const GET = apiRoute("listUnits");
export const POST = apiRoute("createUnit");
