// Builds the tRPC context of one HTTP request: who (from the session, re-read from the
// database) and from where (IP and user agent, for the audit trail).
import "server-only";
import { db } from "../db";
import { clientIp } from "../http/client-ip";
import { requestActor } from "../http/request-actor";
import type { TrpcContext } from "./trpc";

export async function createRequestContext(req: Request): Promise<TrpcContext> {
  return {
    db: db(),
    actor: await requestActor(),
    origin: {
      ip: clientIp(req.headers),
      userAgent: req.headers.get("user-agent"),
    },
  };
}
