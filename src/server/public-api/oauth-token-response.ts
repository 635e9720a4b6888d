// POST /api/v1/oauth/token as HTTP: a small form body (application/x-www-form-urlencoded), RFC 6749
// §5.1 answers and §5.2 errors, and the client's own token bucket (shared with its API calls).
import "server-only";
import { config } from "../config";
import type { Db } from "../db";
import { readBodyWithin } from "../http/body-limit";
import { logServerFailure } from "../http/server-failure";
import { OAuthError, issueToken } from "./oauth";
import { takeToken } from "./rate-limit";

const TOKEN_BODY_BYTES = 8 * 1024;
const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };

const oauthError = (error: OAuthError, headers: Record<string, string> = {}) =>
  Response.json(
    { error: error.error, error_description: error.description },
    { status: error.status, headers: { ...noStore, ...headers } },
  );

export async function oauthTokenResponse(db: Db, request: Request): Promise<Response> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) {
    return oauthError(new OAuthError("invalid_request", "Send the form as application/x-www-form-urlencoded."));
  }
  const bytes = await readBodyWithin(request, TOKEN_BODY_BYTES);
  if (!bytes) return oauthError(new OAuthError("invalid_request", "The form is too large."));
  const form = new URLSearchParams(new TextDecoder().decode(bytes));
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    // RFC 6749 §3.2: parameters must not be repeated.
    if (name in fields) return oauthError(new OAuthError("invalid_request", `${name} is repeated.`));
    fields[name] = value;
  }
  const authorization = request.headers.get("authorization");
  try {
    let headers: Record<string, string> = {};
    const result = await issueToken(db, authorization, fields, async (client) => {
      const settings = config();
      const rate = await takeToken(db, `client:${client.id}`, {
        perMinute: settings.API_RATE_PER_MINUTE,
        burst: settings.API_RATE_BURST,
      });
      headers = {
        "RateLimit-Limit": String(rate.limit),
        "RateLimit-Remaining": String(rate.remaining),
        "RateLimit-Reset": String(rate.resetSeconds),
      };
      if (rate.allowed) return null;
      return Response.json(
        { error: "slow_down", error_description: "Too many requests for this client; retry later." },
        { status: 429, headers: { ...noStore, ...headers, "Retry-After": String(Math.max(1, rate.resetSeconds)) } },
      );
    });
    if (result.stopped) return result.stopped;
    return Response.json(result.answer, { headers: { ...noStore, ...headers } });
  } catch (error) {
    if (error instanceof OAuthError) {
      const basic = error.error === "invalid_client" && /^Basic /i.test(authorization ?? "");
      return oauthError(error, basic ? { "WWW-Authenticate": 'Basic realm="api"' } : {});
    }
    logServerFailure("oauth token", error);
    return Response.json({ error: "server_error" }, { status: 500, headers: noStore });
  }
}
