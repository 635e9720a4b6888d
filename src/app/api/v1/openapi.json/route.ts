// GET /api/v1/openapi.json; built in src/server/public-api/openapi.ts.
import { openApiDocument } from "~/server/public-api/openapi";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "no-store" } });
}
