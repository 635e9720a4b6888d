// /api/v1/units/{id}; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const PATCH = apiRoute("updateUnit");
