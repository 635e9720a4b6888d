// The phone's online quick actions (Assign to Me, Mark as Urgent, Send to Customer, Create
// Follow-up, Request Parts, favorite customers) over the tRPC vanilla client: /walk has no tRPC
// React provider. Each answers the server's result, or its refusal in words; none is queued
// offline yet (the buttons say "Needs a connection").
import type { TRPCClient } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;
export type PartsRequestOnPhone = Outputs["parts"]["forRepair"][number];

export type Answer<T> = { ok: true; value: T } | { ok: false; message: string; code: string | null };

// The client's code loads with the first action, not with the screen that shows the buttons.
let client: Promise<TRPCClient<AppRouter>> | undefined;
const api = () =>
  (client ??= Promise.all([import("@trpc/client"), import("superjson")]).then(([trpc, superjson]) =>
    trpc.createTRPCClient<AppRouter>({
      links: [trpc.httpLink({ url: "/api/trpc", transformer: superjson.default })],
    }),
  ));

async function answer<T>(call: () => Promise<T>): Promise<Answer<T>> {
  const { TRPCClientError } = await import("@trpc/client");
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { domainCode?: string | null } | undefined;
      return { ok: false, message: error.message, code: data?.domainCode ?? null };
    }
    return { ok: false, message: "No answer from the server: check the connection and try again.", code: null };
  }
}

export const quickActions = {
  assignToMe: (repairId: string) => answer(async () => (await api()).repair.claim.mutate({ repairId })),
  markUrgent: (input: Inputs["repair"]["markUrgent"]) =>
    answer(async () => (await api()).repair.markUrgent.mutate(input)),
  sendToCustomer: (repairId: string) => answer(async () => (await api()).repair.sendToCustomer.mutate({ repairId })),
  createFollowUp: (input: Inputs["repair"]["createFollowUp"]) =>
    answer(async () => (await api()).repair.createFollowUp.mutate(input)),
  requestParts: (input: Inputs["parts"]["request"]) => answer(async () => (await api()).parts.request.mutate(input)),
  partsForRepair: (repairId: string) => answer(async () => (await api()).parts.forRepair.query({ repairId })),
  setFavorite: (customerId: string, favorite: boolean) =>
    answer(async () => (await api()).favorite.set.mutate({ customerId, favorite })),
};
