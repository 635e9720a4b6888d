// The phone's online quick actions (Assign to Me, Mark as Urgent, Send to Customer, Create
// Follow-up, Request Parts, favorite customers) through the device's tRPC caller (src/client/rpc:
// /walk has no tRPC React provider, and @trpc/client would be a chunk of its own). Each answers
// the server's result, or its refusal in words; offline, the ones that queue go through the
// outbox instead (docs/sync-protocol.md).
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";
import { TrpcCallError, trpcMutation, trpcQuery } from "../rpc/trpc";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;
export type PartsRequestOnPhone = Outputs["parts"]["forRepair"][number];
export type ThreadOnPhone = Outputs["messages"]["thread"];
export type MessageOnPhone = Outputs["messages"]["send"];

export type Answer<T> = { ok: true; value: T } | { ok: false; message: string; code: string | null };

async function answer<T>(call: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof TrpcCallError)
      return { ok: false, message: error.message, code: error.data?.domainCode ?? null };
    return { ok: false, message: "No answer from the server: check the connection and try again.", code: null };
  }
}

export const quickActions = {
  assignToMe: (repairId: string) => answer(() => trpcMutation("repair.claim", { repairId })),
  markUrgent: (input: Inputs["repair"]["markUrgent"]) => answer(() => trpcMutation("repair.markUrgent", input)),
  sendToCustomer: (repairId: string) => answer(() => trpcMutation("repair.sendToCustomer", { repairId })),
  createFollowUp: (input: Inputs["repair"]["createFollowUp"]) =>
    answer(() => trpcMutation("repair.createFollowUp", input)),
  requestParts: (input: Inputs["parts"]["request"]) => answer(() => trpcMutation("parts.request", input)),
  partsForRepair: (repairId: string) => answer(() => trpcQuery("parts.forRepair", { repairId })),
  /** A repair's message thread, fresh from the server (offline: the prepared copy in workThreads). */
  thread: (repairId: string) => answer(() => trpcQuery("messages.thread", { repairId })),
  /** Answering needs the network: a reply queued for hours could answer a question long settled. */
  sendMessage: (input: Inputs["messages"]["send"]) => answer(() => trpcMutation("messages.send", input)),
  markThreadRead: (threadId: string) => answer(() => trpcMutation("messages.markRead", { threadId })),
  setFavorite: (customerId: string, favorite: boolean) =>
    answer(() => trpcMutation("favorite.set", { customerId, favorite })),
};
