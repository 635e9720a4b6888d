// /api/v1/invoices; the operations are in src/server/public-api/operations.ts.
import { apiRoute } from "~/server/public-api/operations";

export const GET = apiRoute("listInvoices");
