// sync.prepare and sync.push over tRPC's HTTP protocol (src/client/rpc): one push is one request.
import { trpcMutation, trpcQuery } from "../rpc/trpc";
import type { TrpcCallOptions } from "../rpc/trpc-call";
import { type SyncTransport, translated } from "./transport";

export function trpcSyncTransport(url = "/api/trpc", options: Omit<TrpcCallOptions, "url"> = {}): SyncTransport {
  return {
    prepare: () => translated(() => trpcQuery("sync.prepare", undefined, { ...options, url })),
    push: (input) => translated(() => trpcMutation("sync.push", input, { ...options, url })),
  };
}
