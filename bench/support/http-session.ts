// A user signed in over plain HTTP (next-auth credentials, as the login form does), and a tRPC
// client that sends the session cookie: for benchmarks of the API without a browser.
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../../src/server/api/root";

export type HttpSession = { cookie: string; trpc: ReturnType<typeof createTRPCClient<AppRouter>> };

/** Cookie header from the Set-Cookie answers so far (name=value pairs, later ones win). */
function remember(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0]!;
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookie = remember(jar, csrf);
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  cookie = remember(jar, signIn);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`Sign-in of ${email} failed (HTTP ${signIn.status}).`);
  }
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        fetch: (url, init) =>
          fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
      }),
    ],
  });
  return { cookie, trpc };
}
