// Builds the tRPC context of one HTTP request: who (from the session, re-read from the
// database) and from where (IP and user agent, for the audit trail).
import "server-only";
import { db } from "../db";
import { requestActor } from "../http/request-actor";
import type { TrpcContext } from "./trpc";

export async function createRequestContext(req: Request): Promise<TrpcContext> {
  return {
    db: db(),
    actor: await requestActor(),
    origin: {
      ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? req.headers.get("x-real-ip"),
      userAgent: req.headers.get("user-agent"),
    },
  };
}
