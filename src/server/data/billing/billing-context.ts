// Who acts on the books: an admin's request, or the scheduled job (the system). The job's status
// changes go through the same transition table under an admin-kind actor of its own, and its audit
// entries and events carry no user (as generated walks do).
import "server-only";
import type { Actor } from "~/domain";
import type { AuditActor, RequestOrigin } from "../../audit/write-audit";
import type { ServiceContext } from "../../service-context";

export type BillingCtx = ServiceContext | null;

const SYSTEM_ACTOR: Actor = { userId: "00000000-0000-0000-0000-000000000000", role: "ADMIN" };
const JOB_ORIGIN: RequestOrigin = { ip: null, userAgent: null };

export const actorOf = (ctx: BillingCtx): Actor => ctx?.actor ?? SYSTEM_ACTOR;
export const auditActorOf = (ctx: BillingCtx): AuditActor =>
  ctx ? { userId: ctx.actor.userId, email: ctx.actor.email } : null;
export const originOf = (ctx: BillingCtx): RequestOrigin => ctx?.origin ?? JOB_ORIGIN;
export const userIdOf = (ctx: BillingCtx): string | null => ctx?.actor.userId ?? null;
