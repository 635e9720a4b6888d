// Signing in over plain HTTP as the login form does (next-auth's credentials callback), and a
// tRPC client that sends the session cookie: for tests and benchmarks that talk to a running
// app without a browser. Imports no server code.
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../../src/server/api/root";

export type TrpcClient = ReturnType<typeof createTRPCClient<AppRouter>>;
export type SignInAnswer = { cookie: string | null; error: string | null };

/** Cookie header from a response's Set-Cookie lines (name=value pairs, later ones win). */
function remember(jar: Map<string, string>, response: Response): string {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0]!;
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** One sign-in; a refusal answers its message (next-auth's `error`) instead of a cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<SignInAnswer> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookie = remember(jar, csrf);
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  cookie = remember(jar, answer);
  const signedIn = [...jar.keys()].some((name) => name.endsWith("next-auth.session-token"));
  // A refusal sends the browser back to the login page with the message in `error`.
  const body = (await answer.json().catch(() => ({}))) as { url?: string };
  const location = body.url ?? answer.headers.get("location") ?? "";
  const error = location ? new URL(location, baseUrl).searchParams.get("error") : null;
  return { cookie: signedIn ? cookie : null, error: signedIn ? null : (error ?? `HTTP ${answer.status}`) };
}

export const trpcClient = (baseUrl: string, cookie: string): TrpcClient =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        fetch: (url, init) =>
          fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
      }),
    ],
  });
