// /api/v1/webhooks/{id}; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const DELETE = apiRoute("deleteWebhook");
