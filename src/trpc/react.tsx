"use client";
// The React side of tRPC (create-t3-app layout): `api.<router>.<procedure>.useQuery()`.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { httpBatchLink, loggerLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { type ReactNode, useState } from "react";
import { publicConfig } from "~/config/public";
import { TRPC_MAX_BATCH_CALLS } from "~/domain/api-limits";
import type { AppRouter } from "~/server/api/root";
import { createQueryClient } from "./query-client";
import { transformer } from "./transformer";

let browserQueryClient: QueryClient | undefined;
const getQueryClient = () =>
  typeof window === "undefined" ? createQueryClient() : (browserQueryClient ??= createQueryClient());

export const api = createTRPCReact<AppRouter>();
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    api.createClient({
      links: [
        loggerLink({
          enabled: (op) => publicConfig.development && op.direction === "down" && op.result instanceof Error,
        }),
        httpBatchLink({ transformer, url: "/api/trpc", maxItems: TRPC_MAX_BATCH_CALLS }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <api.Provider client={trpcClient} queryClient={queryClient}>
        {children}
      </api.Provider>
    </QueryClientProvider>
  );
}
