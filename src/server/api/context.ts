// Builds the tRPC context of one HTTP request: who (from the session, re-read from the
// database) and from where (IP and user agent, for the audit trail).
import { loadActor } from "../auth/actor";
import { getServerAuthSession } from "../auth/session";
import { db } from "../db";
import type { TrpcContext } from "./trpc";

export async function createRequestContext(req: Request): Promise<TrpcContext> {
  const session = await getServerAuthSession();
  const actor = session?.user.id ? await loadActor(db(), session.user.id) : null;
  return {
    db: db(),
    actor,
    origin: {
      ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? req.headers.get("x-real-ip"),
      userAgent: req.headers.get("user-agent"),
    },
  };
}
