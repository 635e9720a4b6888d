// GET /api/v1/repairs: the repairs the key's owner may see, through the same listRepairs service.
import "server-only";
import { z } from "zod";
import { RepairStatus } from "../db/generated/client";
import type { Db } from "../db";
import { listRepairs } from "../services/repairs/list-repairs";
import type { ApiCaller } from "./api-keys";
import { decodeCursor, encodeCursor } from "./cursor";
import { PublicApiRefusal } from "./refusal";

export const API_PAGE_MAX = 100;

export const listRepairsQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(RepairStatus)).min(1))
    .optional(),
  customer: z.uuid().optional(),
  unit: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(API_PAGE_MAX).default(50),
});

export async function listRepairsOperation(db: Db, caller: ApiCaller, request: Request) {
  const query = listRepairsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  let after: string | undefined;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor) ?? undefined;
    if (!after) throw new PublicApiRefusal("This cursor was not issued by this API or was altered.");
  }
  const page = await listRepairs(
    db,
    { actor: caller.actor, origin: { ip: null, userAgent: request.headers.get("user-agent") } },
    { status: query.status, customerId: query.customer, unitId: query.unit, cursor: after, limit: query.limit },
  );
  return { items: page.items, nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null };
}
