// /api/v1/webhooks; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const GET = apiRoute("listWebhooks");
export const POST = apiRoute("createWebhook");
