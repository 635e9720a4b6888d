// The request being served, for the code handling it: its id (logs, 5xx answers) and, once the
// session is read, the user (the completion line). The server hook (src/server/lifecycle) opens
// it around each request; Next's bundles hold their own copy of this module, so the storage is
// kept on globalThis to be one for the whole process.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { id: string; userId?: string };

const KEY = Symbol.for("rs.requestContext");
const globalForContext = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };

export const requestContexts: AsyncLocalStorage<RequestContext> = (globalForContext[KEY] ??=
  new AsyncLocalStorage<RequestContext>());

export function currentRequest(): RequestContext | undefined {
  return requestContexts.getStore();
}

/** Names the signed-in user on the request's completion line. */
export function noteRequestUser(userId: string): void {
  const request = currentRequest();
  if (request) request.userId = userId;
}
