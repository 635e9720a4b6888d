// Whose repairs an analytics answer counts: the whole business (admin), a manager's team (the
// repairs its technicians completed), or one customer's fleet (a customer user's own company).
import "server-only";
import { Prisma } from "~/server/db/generated/client";
import { actorKind, overseenTechnicianIds } from "~/domain";
import type { ActorWithIdentity } from "../../auth/actor";

export type AnalyticsScope =
  | { kind: "business" }
  | { kind: "team"; technicianIds: string[] }
  | { kind: "customer"; customerId: string };

/** The actor's own scope; null for an actor with no analytics (a plain technician). */
export function scopeFor(actor: ActorWithIdentity): AnalyticsScope | null {
  const kind = actorKind(actor);
  if (kind === "admin") return { kind: "business" };
  if (kind === "customer" && actor.customerId) return { kind: "customer", customerId: actor.customerId };
  if (kind === "manager") {
    const team = overseenTechnicianIds(actor);
    return { kind: "team", technicianIds: team === "all" ? [] : [...team] };
  }
  return null;
}

/** The scope as a condition on the repair aliased `r`. */
export function scopeCondition(scope: AnalyticsScope): Prisma.Sql {
  switch (scope.kind) {
    case "business":
      return Prisma.sql`TRUE`;
    case "team":
      return Prisma.sql`r."technicianId" = ANY(${scope.technicianIds}::uuid[])`;
    case "customer":
      return Prisma.sql`r."customerId" = ${scope.customerId}::uuid`;
  }
}
