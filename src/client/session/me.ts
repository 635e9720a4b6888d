// "Who am I?" (session.me) over tRPC's HTTP protocol (src/client/rpc), for /walk, which has no
// tRPC React provider (@tanstack/react-query, about 27 KB gzipped of first-load JavaScript).
import { TrpcCallError, type TrpcOutput, trpcQuery } from "../rpc/trpc";

export type SessionMe = TrpcOutput<"session.me">;
export type SessionAnswer = { ok: true; me: SessionMe } | { ok: false; unauthorized: boolean };

/** The signed-in user, or why not: `unauthorized` when the session has ended, not when offline. */
export async function askSessionMe(): Promise<SessionAnswer> {
  try {
    return { ok: true, me: await trpcQuery("session.me") };
  } catch (error) {
    return { ok: false, unauthorized: error instanceof TrpcCallError && error.data?.code === "UNAUTHORIZED" };
  }
}
