// GET /api/health: whether the database, blob store and job queue work (src/server/health).
// Open to anyone (a load balancer or monitor has no session): it tells nothing but ok or not
// and timings. Outside the request proxy's pages; a GET, so the cross-site check does not apply.
import { db } from "~/server/db";
import { healthResponse } from "~/server/health/checks";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return healthResponse(db());
}
