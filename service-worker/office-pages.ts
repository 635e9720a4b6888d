// The rules of the office worker (office-sw.ts), kept apart so they are tested without a worker:
// which requests it answers and which page responses it may keep as the offline copy.
import { isRscRequest } from "./walk-navigation";

/** The office screens that open offline after one visit; each registers the worker with its own scope. */
export const OFFICE_SCOPES = ["/manager", "/portal"] as const;

/** Signed-in pages, kept as the offline copy of the last view: user data, deleted on sign-out. */
export const OFFICE_PAGES_CACHE = "rs-runtime-office-pages";
/** Hashed build files those pages loaded: not user data, kept across sign-outs. */
export const OFFICE_STATIC_CACHE = "rs-office-static";
/** Old builds' files go once this many are kept (a build's office screens load a few dozen). */
export const OFFICE_STATIC_MAX_ENTRIES = 400;

export const inScope = (pathname: string) =>
  OFFICE_SCOPES.some((scope) => pathname === scope || pathname.startsWith(`${scope}/`));

/** A page navigation to an office screen (not an RSC payload request, which must reach the server). */
export function isOfficeNavigation(request: Pick<Request, "mode" | "method" | "headers">, url: URL): boolean {
  return (
    request.method === "GET" &&
    request.mode === "navigate" &&
    inScope(url.pathname) &&
    !isRscRequest(request as Request, url)
  );
}

/** Content-hashed build files: never change under their URL, so cache-first is safe. */
export const isHashedBuildFile = (url: URL) => url.pathname.startsWith("/_next/static/");

/** The page URL an offline copy is kept under: the screen and its query, never a fragment. */
export function pageKey(url: URL): string {
  return `${url.origin}${url.pathname.length > 1 ? url.pathname.replace(/\/$/, "") : url.pathname}${url.search}`;
}

/**
 * What a page response means for its kept copy: a signed-in page ("keep"), the session gone or
 * the screen refused (a redirect to the login, 401, 403: "forget", so nobody reads the last
 * user's data offline), or nothing to learn (a server error: the old copy stays).
 */
export function pageVerdict(
  response: Pick<Response, "ok" | "status" | "type" | "redirected">,
): "keep" | "forget" | "none" {
  if (response.type === "opaqueredirect" || response.redirected) return "forget";
  if (response.status === 401 || response.status === 403) return "forget";
  if (response.ok && response.type === "basic") return "keep";
  return "none";
}
