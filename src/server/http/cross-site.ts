// Refusal of state-changing requests sent by another site's page (CSRF): a form or fetch from
// elsewhere would otherwise ride on the session cookie, whose SameSite=Lax is then the only
// defence. Browsers say where a request comes from (Sec-Fetch-Site, else Origin), and a page
// cannot forge either; a request carrying neither is not from a browser page.
import "server-only";
import { refusedResponse } from "./refusal-response";

/**
 * True when a browser says the request comes from a page of another origin. `publicUrl`: the
 * address users open (NEXTAUTH_URL), accepted as an origin besides the request's own host,
 * for servers behind a proxy that does not pass the Host header on.
 */
export function isCrossSite(headers: Headers, publicUrl?: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (origin === null) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" (a sandboxed frame, a redirect across sites) or garbage
  }
  const ownHosts = [headers.get("x-forwarded-host")?.split(",")[0]?.trim(), headers.get("host")];
  if (ownHosts.includes(host)) return false;
  return !publicUrl || safeOrigin(publicUrl) !== new URL(origin).origin;
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The 403 answer to a cross-site request, or null to go on. */
export function refuseCrossSite(request: Request, publicUrl?: string): Response | null {
  return isCrossSite(request.headers, publicUrl)
    ? refusedResponse("CROSS_SITE_REQUEST", "Refused: this request was sent from another site.")
    : null;
}

/**
 * The 415 answer to a tRPC call whose body is not JSON, or null. Every procedure takes JSON; a
 * form (multipart, urlencoded, text/plain) is what a page of another site can post without
 * asking, and the tRPC adapter would hand its fields to a mutation as input.
 */
export function refuseNonJson(request: Request): Response | null {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json"
    ? null
    : refusedResponse("JSON_REQUIRED", "A call to the API sends its input as application/json.");
}
