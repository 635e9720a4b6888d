// Every /api/v1 operation runs through here: bearer (API key or OAuth token) -> shared rate limit
// -> scope -> the JSON body (at most 1 MB, strict schema) -> Idempotency-Key on POST -> the
// operation, with RateLimit-* headers on every answer and errors as problem+json. The operations
// and their route files are made from one table (operations.ts, runApiOperation).
import "server-only";
import type { z } from "zod";
import { config } from "../config";
import type { Db } from "../db";
import { readBodyWithin } from "../http/body-limit";
import { type ApiCaller, type ApiScope, authenticateApiKey } from "./api-keys";
import { type Reservation, requestHash, reserveIdempotencyKey } from "./idempotency";
import { authenticateOAuthToken } from "./oauth";
import { errorProblem, problemResponse } from "./problem";
import { type RateDecision, takeToken } from "./rate-limit";

/** The largest JSON body an operation reads; a longer one is refused unread (413). */
export const API_BODY_BYTES = 1024 * 1024;

/** An answer other than 200: 201 with the created record, 204 with none. */
export class ApiAnswer {
  constructor(
    readonly status: 201 | 204,
    readonly body: unknown = null,
  ) {}
}

export type ApiOperation<B> = (caller: ApiCaller, request: Request, body: B) => Promise<unknown>;

/** The caller a bearer token names: an OAuth access token ("rso_...") or an API key ("rs_..."). */
export async function authenticateBearer(db: Db, request: Request): Promise<ApiCaller | null> {
  const token = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!token) return null;
  return token.startsWith("rso_") ? authenticateOAuthToken(db, token) : authenticateApiKey(db, token);
}

export async function apiOperation<B = undefined>(
  db: Db,
  request: Request,
  scope: ApiScope,
  run: ApiOperation<B>,
  bodySchema?: z.ZodType<B>,
): Promise<Response> {
  const instance = new URL(request.url).pathname;
  const caller = await authenticateBearer(db, request);
  if (!caller) {
    return problemResponse(
      "UNAUTHORIZED",
      "A valid API key or OAuth access token is required (Authorization: Bearer <token>).",
      instance,
      {},
      { "WWW-Authenticate": 'Bearer realm="api"' },
    );
  }
  const settings = config();
  const rate = await takeToken(db, caller.bucket, {
    perMinute: settings.API_RATE_PER_MINUTE,
    burst: settings.API_RATE_BURST,
  });
  const headers = rateHeaders(rate);
  if (!rate.allowed) {
    const retry = { ...headers, "Retry-After": String(Math.max(1, rate.resetSeconds)) };
    return problemResponse("RATE_LIMITED", "Too many requests for this caller; retry later.", instance, {}, retry);
  }
  if (!caller.scopes.includes(scope)) {
    return withHeaders(problemResponse("SCOPE_MISSING", `This caller lacks the scope ${scope}.`, instance), headers);
  }
  let reservation: Reservation | null = null;
  try {
    let body = undefined as B;
    let text = "";
    if (bodySchema) {
      const read = await readJson(request, instance);
      if (read instanceof Response) return withHeaders(read, headers);
      text = read.text;
      body = bodySchema.parse(read.json);
    }
    const idempotencyKey = request.headers.get("idempotency-key");
    if (request.method === "POST" && idempotencyKey !== null) {
      const hash = requestHash(request.method, instance, text);
      reservation = await reserveIdempotencyKey(db, caller.callerId, idempotencyKey, hash);
      if (reservation.kind === "replay") {
        return new Response(reservation.body, {
          status: reservation.status,
          headers: { ...jsonHeaders, ...headers, "Idempotent-Replayed": "true" },
        });
      }
    }
    const result = await run(caller, request, body);
    if (result instanceof Response) return withHeaders(result, headers);
    const status = result instanceof ApiAnswer ? result.status : 200;
    const payload = status === 204 ? null : JSON.stringify(result instanceof ApiAnswer ? result.body : result);
    if (reservation?.kind === "reserved") await reservation.release({ status, body: payload ?? "" });
    return new Response(payload, { status, headers: { ...(payload ? jsonHeaders : noStore), ...headers } });
  } catch (error) {
    if (reservation?.kind === "reserved") await reservation.release(null);
    return withHeaders(errorProblem(error, instance), headers);
  }
}

const noStore = { "Cache-Control": "no-store" };
const jsonHeaders = { "Content-Type": "application/json", ...noStore };

/** The body as JSON ({} when empty), or the problem answer: too large (unread past 1 MB), not JSON, malformed. */
async function readJson(request: Request, instance: string): Promise<Response | { text: string; json: unknown }> {
  const bytes = await readBodyWithin(request, API_BODY_BYTES);
  if (!bytes) {
    const close = { Connection: "close" };
    return problemResponse("BODY_TOO_LARGE", `The body is over ${API_BODY_BYTES} bytes.`, instance, {}, close);
  }
  if (bytes.byteLength === 0) return { text: "", json: {} };
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    return problemResponse("JSON_REQUIRED", "Send the body as application/json.", instance);
  }
  const text = new TextDecoder().decode(bytes);
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    return problemResponse("BAD_INPUT", "The body is not valid JSON.", instance);
  }
}

const rateHeaders = (rate: RateDecision): Record<string, string> => ({
  "RateLimit-Limit": String(rate.limit),
  "RateLimit-Remaining": String(rate.remaining),
  "RateLimit-Reset": String(rate.resetSeconds),
});

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
