// "Who am I?" (session.me) over the tRPC vanilla client, for /walk, which has no tRPC React
// provider (@tanstack/react-query, about 27 KB gzipped of first-load JavaScript).
import { TRPCClientError, createTRPCClient, httpLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import type { AppRouter } from "~/server/api/root";

export type SessionMe = inferRouterOutputs<AppRouter>["session"]["me"];
export type SessionAnswer = { ok: true; me: SessionMe } | { ok: false; unauthorized: boolean };

let client: ReturnType<typeof createTRPCClient<AppRouter>> | undefined;

/** The signed-in user, or why not: `unauthorized` when the session has ended, not when offline. */
export async function askSessionMe(): Promise<SessionAnswer> {
  client ??= createTRPCClient<AppRouter>({ links: [httpLink({ url: "/api/trpc", transformer: superjson })] });
  try {
    return { ok: true, me: await client.session.me.query() };
  } catch (error) {
    return {
      ok: false,
      unauthorized:
        error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED",
    };
  }
}
