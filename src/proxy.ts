// Next 16 proxy (formerly middleware): signed-out users go to /login, a role opening a screen
// it may not use gets the 403 page, "/" sends each user to their home. tRPC procedures check
// roles themselves; this only gates pages. It also adds Strict-Transport-Security to pages when
// the app is served over https (decided at run time, unlike next.config.mjs's headers), and each
// page's Content-Security-Policy (src/server/http/content-security-policy.ts).
import path from "node:path";
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { publicConfig } from "~/config/public";
import { HOME_FOR, mayOpen } from "~/domain/screens";
import { servedOverHttps, config as settings, sessionCookieName } from "~/server/config";
import {
  type BuiltPages,
  newNonce,
  pagePolicy,
  readBuiltPages,
  scriptsFor,
} from "~/server/http/content-security-policy";

export async function proxy(req: NextRequest) {
  const https = settings().NEXTAUTH_URL?.startsWith("https://") ?? false;
  const response = await route(req, (page) => {
    const development = settings().NODE_ENV === "development";
    const scripts = scriptsFor(page, development ? null : builtPages(), newNonce);
    // The tiles the browser bundle was built to ask for (NEXT_PUBLIC_ values are fixed at build time).
    return pagePolicy({ scripts, mapTilesUrl: publicConfig.mapTilesUrl, https, development });
  });
  // Browsers ignore it over plain http; sent only when the public address is https, so a
  // server tried out on http://localhost is never pinned to https.
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

const HSTS = "max-age=31536000";

let built: BuiltPages | null | undefined;
/** The production build's pages, read once (the build does not change under a running server). */
function builtPages(): BuiltPages | null {
  return (built ??= readBuiltPages(path.join(process.cwd(), ".next")));
}

/**
 * Lets the page through (or rewritten) with its policy: on the response for the browser, and on
 * the request, where Next finds the nonce to put on the scripts of a page it renders.
 */
function pass(req: NextRequest, policy: string, rewriteTo?: URL, status?: number): NextResponse {
  const headers = new Headers(req.headers);
  headers.set("Content-Security-Policy", policy);
  const response = rewriteTo
    ? NextResponse.rewrite(rewriteTo, { request: { headers }, status })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

async function route(req: NextRequest, policyFor: (page: string) => string): Promise<NextResponse> {
  const { pathname } = req.nextUrl;
  // Open to anyone, signed in or not.
  if (pathname === "/forbidden" || pathname.startsWith("/survey/")) return pass(req, policyFor(pathname));
  // Reads the cookie only: whether the session was ended is checked by every API call and page
  // (requireKind), which then remove the cookie.
  const secureCookie = servedOverHttps();
  const token = await getToken({
    req,
    secret: settings().NEXTAUTH_SECRET,
    secureCookie,
    cookieName: sessionCookieName(secureCookie),
  });
  if (pathname === "/login") {
    return token?.kind ? NextResponse.redirect(new URL(HOME_FOR[token.kind], req.url)) : pass(req, policyFor(pathname));
  }
  if (!token?.kind) {
    const login = new URL("/login", req.url);
    if (pathname !== "/") login.searchParams.set("next", pathname);
    return NextResponse.redirect(login);
  }
  if (pathname === "/") return NextResponse.redirect(new URL(HOME_FOR[token.kind], req.url));
  if (!mayOpen(token.kind, pathname)) return pass(req, policyFor("/forbidden"), new URL("/forbidden", req.url), 403);
  return pass(req, policyFor(pathname));
}

export const config = {
  // Pages only: not the APIs, Next's assets, the service worker, icons or the manifest.
  matcher: [
    "/((?!api/|_next/|sw\\.js|office-sw\\.js|workbox-|manifest\\.webmanifest|icons/|vendor/|scalar/|favicon\\.ico).*)",
  ],
};
