// /api/v1/repairs; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const GET = apiRoute("listRepairs");
export const POST = apiRoute("createRepair");
