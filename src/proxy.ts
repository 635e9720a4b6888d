// Next 16 proxy (formerly middleware): signed-out users go to /login, a role opening a screen
// it may not use gets the 403 page, "/" sends each user to their home. tRPC procedures check
// roles themselves; this only gates pages. It also adds Strict-Transport-Security to pages when
// the app is served over https (decided at run time, unlike next.config.mjs's headers).
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { HOME_FOR, mayOpen } from "~/domain/screens";
import { servedOverHttps, config as settings, sessionCookieName } from "~/server/config";

export async function proxy(req: NextRequest) {
  const response = await route(req);
  // Browsers ignore it over plain http; sent only when the public address is https, so a
  // server tried out on http://localhost is never pinned to https.
  if (settings().NEXTAUTH_URL?.startsWith("https://")) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

const HSTS = "max-age=31536000";

async function route(req: NextRequest): Promise<NextResponse> {
  const { pathname } = req.nextUrl;
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
    return token?.kind ? NextResponse.redirect(new URL(HOME_FOR[token.kind], req.url)) : NextResponse.next();
  }
  if (!token?.kind) {
    const login = new URL("/login", req.url);
    if (pathname !== "/") login.searchParams.set("next", pathname);
    return NextResponse.redirect(login);
  }
  if (pathname === "/") return NextResponse.redirect(new URL(HOME_FOR[token.kind], req.url));
  if (!mayOpen(token.kind, pathname)) return NextResponse.rewrite(new URL("/forbidden", req.url), { status: 403 });
  return NextResponse.next();
}

export const config = {
  // Pages only: not the APIs, Next's assets, the service worker, icons or the manifest.
  matcher: ["/((?!api/|_next/|sw\\.js|workbox-|manifest\\.webmanifest|icons/|vendor/|favicon\\.ico|forbidden).*)"],
};
