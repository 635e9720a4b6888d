// The quality screens of the office (surveys, figures, peer reviews, training flags): managers and admins.
import "server-only";
import { actorKind } from "~/domain";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";

export function assertOffice(ctx: ServiceContext): void {
  const kind = actorKind(ctx.actor);
  if (kind !== "manager" && kind !== "admin")
    throw new InvalidRequest("FORBIDDEN", "Only managers and admins see the quality figures.");
}
