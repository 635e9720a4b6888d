// sync.prepare and sync.push over the tRPC vanilla client (no React: the engine runs outside
// components). httpLink, not the batch link: one push is one request, nothing to batch with.
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "~/server/api/root";
import { type SyncTransport, translated } from "./transport";

export function trpcSyncTransport(url = "/api/trpc"): SyncTransport {
  const client = createTRPCClient<AppRouter>({ links: [httpLink({ url, transformer: superjson })] });
  return {
    prepare: () => translated(() => client.sync.prepare.query()),
    push: (input) => translated(() => client.sync.push.mutate(input)),
  };
}
