// Where each kind of user lands after signing in, and which screens each kind may open.
import type { ActorKind } from "./actors";

export const HOME_FOR: Record<ActorKind, string> = {
  technician: "/walk",
  manager: "/manager",
  admin: "/admin",
  customer: "/portal",
};

/** Route prefixes and the actor kinds allowed on them; anything else signed-in users may open. */
export const ROUTE_ACCESS: ReadonlyArray<{ prefix: string; kinds: readonly ActorKind[] }> = [
  { prefix: "/walk", kinds: ["technician", "manager", "admin"] },
  { prefix: "/manager", kinds: ["manager", "admin"] },
  { prefix: "/admin", kinds: ["admin"] },
  { prefix: "/portal", kinds: ["customer"] },
];

export function mayOpen(kind: ActorKind, pathname: string): boolean {
  const rule = ROUTE_ACCESS.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
  return rule ? rule.kinds.includes(kind) : true;
}
