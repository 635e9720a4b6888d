// Every /api/v1 operation runs through here: bearer key -> scope -> shared rate limit -> the
// operation, with RateLimit-* headers on every answer and errors as problem+json. Adding an
// endpoint is a route file calling apiOperation with its scope and a function of (caller, request).
import "server-only";
import { config } from "../config";
import type { Db } from "../db";
import { type ApiCaller, type ApiScope, authenticateApiKey } from "./api-keys";
import { errorProblem, problemResponse } from "./problem";
import { type RateDecision, takeToken } from "./rate-limit";

export type ApiOperation = (caller: ApiCaller, request: Request) => Promise<unknown>;

export async function apiOperation(db: Db, request: Request, scope: ApiScope, run: ApiOperation): Promise<Response> {
  const instance = new URL(request.url).pathname;
  const token = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  const caller = token ? await authenticateApiKey(db, token) : null;
  if (!caller) {
    return problemResponse(
      "UNAUTHORIZED",
      "A valid API key is required (Authorization: Bearer <key>).",
      instance,
      {},
      {
        "WWW-Authenticate": 'Bearer realm="api"',
      },
    );
  }
  const settings = config();
  const rate = await takeToken(db, `key:${caller.keyId}`, {
    perMinute: settings.API_RATE_PER_MINUTE,
    burst: settings.API_RATE_BURST,
  });
  const headers = rateHeaders(rate);
  if (!rate.allowed) {
    return problemResponse(
      "RATE_LIMITED",
      "Too many requests for this API key; retry later.",
      instance,
      {},
      {
        ...headers,
        "Retry-After": String(Math.max(1, rate.resetSeconds)),
      },
    );
  }
  if (!caller.scopes.includes(scope)) {
    return withHeaders(problemResponse("SCOPE_MISSING", `This API key lacks the scope ${scope}.`, instance), headers);
  }
  try {
    const body = await run(caller, request);
    return Response.json(body, { headers: { "Cache-Control": "no-store", ...headers } });
  } catch (error) {
    return withHeaders(errorProblem(error, instance), headers);
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
