// The office screens' first HTML holds their first screen's data: a page (a server component)
// prefetches through the tRPC server caller (the same procedures, permissions and views as over
// HTTP) into a per-request query client, and <HydrateClient> hands that cache to the browser's
// react-query, which draws at once and does not ask again until the data is stale
// (create-t3-app's RSC pattern; dehydrate/hydrate with superjson in query-client.ts).
import "server-only";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { headers } from "next/headers";
import { cache } from "react";
import { type AppRouter, createCaller } from "~/server/api/root";
import type { TrpcContext } from "~/server/api/trpc";
import { db } from "~/server/db";
import { clientIp } from "~/server/http/client-ip";
import { requestActor } from "~/server/http/request-actor";
import { createQueryClient } from "./query-client";

/** One context per request, as the HTTP handler builds it (context.ts). */
const createContext = cache(async (): Promise<TrpcContext> => {
  const heads = await headers();
  return {
    db: db(),
    actor: await requestActor(),
    origin: { ip: clientIp(heads), userAgent: heads.get("user-agent") },
  };
});

/** One query client per request: never shared between users. */
const getQueryClient = cache(createQueryClient);

export const { trpc: serverApi, HydrateClient } = createHydrationHelpers<AppRouter>(
  createCaller(createContext),
  getQueryClient,
);
