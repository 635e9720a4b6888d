// /api/v1/repairs/{id}; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const GET = apiRoute("getRepair");
