// Navigations to the precached /walk screens: the network first, so an online visit gets the
// current page, or the login redirect when signed out; offline, or when the network is slower
// than the timeout (lie-fi in a parking lot), the precached shell, which reads the device's store.
import type { RouteHandlerCallback, RouteMatchCallback } from "workbox-core";

const NETWORK_TIMEOUT_MS = 3_000;

/** Next's client router fetches RSC payloads for the same URLs: they must never get HTML. */
export function isRscRequest(request: Request, url: URL): boolean {
  return request.headers.get("RSC") === "1" || url.searchParams.has("_rsc");
}

/** "/walk/" and "/walk" are one screen. */
const screenPath = (url: URL) => (url.pathname.length > 1 ? url.pathname.replace(/\/$/, "") : url.pathname);

export const isWalkScreen = (path: string) => path === "/walk" || path.startsWith("/walk/");

/** Page navigations (any query) to one of the precached screens. */
export function isShellNavigation(shells: ReadonlySet<string>): RouteMatchCallback {
  return ({ request, url, sameOrigin }) =>
    sameOrigin && request.mode === "navigate" && shells.has(screenPath(url)) && !isRscRequest(request, url);
}

export function shellNavigationHandler(shell: (path: string) => Promise<Response | undefined>): RouteHandlerCallback {
  return async ({ request, url }) => {
    const cached = () => shell(screenPath(url));
    const network = fetch(request);
    network.catch(() => undefined); // after a timeout nobody awaits it; keep its failure quiet
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, "timeout")));
    try {
      const first = await Promise.race([network, timedOut]);
      if (first !== "timeout") return first;
      return (await cached()) ?? (await network);
    } catch {
      return (await cached()) ?? Response.error();
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Whether a request was made by an open /walk screen (its client's URL), e.g. to keep run-time
 * caching to what /walk fetches: the login page, or another screen opened on the same device,
 * is of no use offline.
 */
export async function isFromWalkScreen(
  clientId: string | undefined,
  client: (id: string) => Promise<{ url: string } | undefined>,
): Promise<boolean> {
  if (!clientId) return false;
  const page = await client(clientId);
  return Boolean(page && isWalkScreen(screenPath(new URL(page.url))));
}
