import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { servedOverHttps, sessionCookieName } from "../config";
import { authOptions } from "./options";

/** The session, or null when signed out or when the session was ended (revoked, idle, expired). */
export async function getServerAuthSession() {
  const session = await getServerSession(authOptions);
  if (!session) await forgetEndedSessionCookie();
  return session;
}

/**
 * Removes a cookie whose session has ended, so the proxy stops treating the browser as signed in
 * (it would send /login back home). Route handlers may set cookies; a page render may not, and
 * sends the browser to /api/session-ended instead (see requireKind).
 */
export async function forgetEndedSessionCookie(): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieName();
  if (!jar.has(name)) return;
  try {
    jar.set(name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: servedOverHttps() });
  } catch {
    // Rendering a page: cookies are read-only there.
  }
}
