// "Who am I?" (session.me) over tRPC's HTTP protocol, for /walk, which has no tRPC React provider
// (@tanstack/react-query, about 27 KB gzipped of first-load JavaScript). Its answer is plain JSON
// (strings and null), so superjson's envelope is read here without superjson: /walk's first
// screen then does not fetch the tRPC caller's code (src/client/rpc, about 4 KB gzipped) at idle
// time only to ask this. An answer with superjson's meta (a Date, say) goes through that caller.
import { TrpcCallError, type TrpcOutput, trpcQuery } from "../rpc/trpc";

export type SessionMe = TrpcOutput<"session.me">;
export type SessionAnswer = { ok: true; me: SessionMe } | { ok: false; unauthorized: boolean };

/** superjson's encoding of a query without input, as the tRPC caller sends it. */
const NO_INPUT = encodeURIComponent(JSON.stringify({ json: null, meta: { values: ["undefined"], v: 1 } }));

type Envelope = {
  result?: { data?: { json?: unknown; meta?: unknown } };
  error?: { json?: { data?: { code?: string } }; meta?: unknown };
};

/** The signed-in user, or why not: `unauthorized` when the session has ended, not when offline. */
export async function askSessionMe(send: typeof fetch = (input, init) => fetch(input, init)): Promise<SessionAnswer> {
  try {
    const response = await send(`/api/trpc/session.me?input=${NO_INPUT}`, { method: "GET" });
    const body = (await response.json()) as Envelope;
    if (body.error) return { ok: false, unauthorized: body.error.json?.data?.code === "UNAUTHORIZED" };
    const data = body.result?.data;
    if (data && data.meta === undefined && data.json && typeof data.json === "object")
      return { ok: true, me: data.json as SessionMe };
    return { ok: true, me: await trpcQuery("session.me") };
  } catch (error) {
    return { ok: false, unauthorized: error instanceof TrpcCallError && error.data?.code === "UNAUTHORIZED" };
  }
}
