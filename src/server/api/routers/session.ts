import "server-only";
import { actorKind } from "~/domain";
import { signedInProcedure, createTRPCRouter } from "../trpc";

export const sessionRouter = createTRPCRouter({
  /** Who am I, as the server sees me now (role, manager rights, company). */
  me: signedInProcedure.query(({ ctx }) => ({
    userId: ctx.actor.userId,
    email: ctx.actor.email,
    name: ctx.actor.name,
    kind: actorKind(ctx.actor),
    customerId: ctx.actor.customerId ?? null,
    technician: ctx.actor.technician ?? null,
  })),
});
