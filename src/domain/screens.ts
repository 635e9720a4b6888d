// Where each kind of user lands after signing in, and which screens each kind may open.
import type { ActorKind } from "./actors";

export const HOME_FOR: Record<ActorKind, string> = {
  technician: "/walk",
  manager: "/manager",
  admin: "/admin",
  customer: "/portal",
};

/** Route prefixes and the actor kinds allowed on them; anything else signed-in users may open. */
export const ROUTE_ACCESS: ReadonlyArray<{ prefix: string; kinds: readonly ActorKind[] }> = [
  { prefix: "/walk", kinds: ["technician", "manager", "admin"] },
  { prefix: "/manager", kinds: ["manager", "admin"] },
  { prefix: "/admin", kinds: ["admin"] },
  { prefix: "/portal", kinds: ["customer"] },
];

export function mayOpen(kind: ActorKind, pathname: string): boolean {
  const rule = ROUTE_ACCESS.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
  return rule ? rule.kinds.includes(kind) : true;
}

// Checked on the raw text before URL parsing: browsers drop tabs and newlines and read "\" as "/",
// so "/\t/host" or "/\host" would become "//host", another site.
const hasUnsafeCharacter = (text: string) =>
  [...text].some((c) => c === "\\" || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const PROBE_ORIGIN = "http://same-origin.invalid";
const MAX_PATH_LENGTH = 2000;

/**
 * The same-origin path (with its query and fragment) that `raw` names, normalized, or null when
 * following it could leave the site: anything but a single leading "/", a scheme, "//host",
 * backslashes or control characters.
 */
export function sameOriginPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > MAX_PATH_LENGTH) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || hasUnsafeCharacter(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return null;
  }
  // "/..//host" normalizes to "//host": the result is checked again, as a browser would read it.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === PROBE_ORIGIN && !path.startsWith("//") ? path : null;
}

/** Where a user of `kind` goes after signing in: `next` when it is a same-origin screen they may open, else home. */
export function landingAfterSignIn(kind: ActorKind, next: unknown): string {
  const path = sameOriginPath(next);
  if (!path) return HOME_FOR[kind];
  const { pathname } = new URL(path, PROBE_ORIGIN);
  return pathname !== "/login" && mayOpen(kind, pathname) ? path : HOME_FOR[kind];
}
