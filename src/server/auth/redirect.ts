import "server-only";
import { sameOriginPath } from "~/domain";

/**
 * next-auth's redirect callback (sign-in and sign-out callbackUrl): the same rule as the sign-in
 * page, so a callbackUrl is followed only as a normalized path on this site, else home.
 */
export function sameSiteRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  const path = sameOriginPath(url.startsWith(`${origin}/`) ? url.slice(origin.length) : url);
  return path ? `${origin}${path}` : baseUrl;
}
