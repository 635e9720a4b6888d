// tRPC set-up (create-t3-app layout): the context and the base procedures, defined once.
// Every procedure names the actor kinds it is for (`procedureFor`); the role check runs on the
// server from the database's current view of the user, and is what the role test walks.
import "server-only";
import { TRPCError, initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { type ActorKind, DomainError, REFUSALS, actorKind } from "~/domain";
import type { ActorWithIdentity } from "../auth/actor";
import type { RequestOrigin } from "../audit/write-audit";
import type { Db } from "../db";
import { logServerFailure, serverFailureMessage } from "../http/server-failure";

export type TrpcContext = {
  db: Db;
  /** null when signed out or deactivated */
  actor: ActorWithIdentity | null;
  origin: RequestOrigin;
};

export type ProcedureMeta = { roles: readonly ActorKind[] };

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, path }) {
      const cause = error.cause;
      // Unexpected: the caller gets a generic sentence with an id, the log the details.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        const id = logServerFailure(`tRPC ${path ?? "call"}`, error.cause ?? error);
        const { stack: _stack, ...data } = shape.data;
        return { ...shape, message: serverFailureMessage(id), data: { ...data, domainCode: null, fieldErrors: null } };
      }
      return {
        ...shape,
        data: {
          ...shape.data,
          // Typed codes for screens: "OVER_APPROVAL_LIMIT", "NO_SUCH_TRANSITION", ...
          domainCode: cause instanceof DomainError ? cause.code : null,
          fieldErrors: cause instanceof ZodError ? cause.flatten().fieldErrors : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns a refused business rule into a tRPC error whose code comes from the refusal table
 * (src/domain/errors.ts), keeping the refusal's message and, in `data.domainCode`, its code.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: REFUSALS[cause.code].trpc, message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/** A procedure only the given actor kinds may call. */
export function procedureFor(...roles: ActorKind[]) {
  return publicProcedure.meta({ roles }).use(({ ctx, next }) => {
    if (!ctx.actor) throw new TRPCError({ code: REFUSALS.UNAUTHORIZED.trpc, message: "Please sign in again." });
    const kind = actorKind(ctx.actor);
    if (!roles.includes(kind))
      throw new TRPCError({ code: REFUSALS.FORBIDDEN.trpc, message: `This is not available to a ${kind}.` });
    return next({ ctx: { ...ctx, actor: ctx.actor, kind } });
  });
}

export const staffProcedure = procedureFor("technician", "manager", "admin");
export const fieldProcedure = staffProcedure;
export const managerProcedure = procedureFor("manager", "admin");
export const adminProcedure = procedureFor("admin");
export const customerProcedure = procedureFor("customer");
export const signedInProcedure = procedureFor("technician", "manager", "admin", "customer");
