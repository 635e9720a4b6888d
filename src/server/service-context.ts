// What every service needs to know about the request besides its input: who acts and from where.
import "server-only";
import type { RequestOrigin } from "./audit/write-audit";
import type { ActorWithIdentity } from "./auth/actor";

export type ServiceContext = { actor: ActorWithIdentity; origin: RequestOrigin };
