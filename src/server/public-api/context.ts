// The service context of an API call: the key's or client's creator, from the request's origin.
import "server-only";
import { z } from "zod";
import { NotFound } from "../errors";
import type { ServiceContext } from "../service-context";
import type { Db } from "../db";
import type { ApiCaller } from "./api-keys";

/** What an /api/v1 operation is given: the caller, acting as `ctx`, and its request already parsed. */
export type OperationInput<Body = undefined, Query = undefined> = {
  db: Db;
  caller: ApiCaller;
  request: Request;
  ctx: ServiceContext;
  /** The path's {id}, not yet checked (pathId). */
  id: string;
  body: Body;
  query: Query;
};

export const apiContext = (caller: ApiCaller, request: Request): ServiceContext => ({
  actor: caller.actor,
  origin: { ip: null, userAgent: request.headers.get("user-agent") },
});

/** A path id; anything but a uuid names no record (404, like one the caller may not see). */
export function pathId(id: string, what: string): string {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new NotFound(what);
  return parsed.data;
}
