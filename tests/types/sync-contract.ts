// Type-level checks of the sync contract, run by tsc (the first step of `npm test`), never
// executed. Each line fails the type check when the server's answer and what the device stores
// drift apart: a field renamed, dropped or retyped on either side.
import type { inferRouterOutputs } from "@trpc/server";
import type { LocalRepair, OutboxEntry, ServerDecision } from "~/client/store/db";
import type {
  MutationResult,
  PayloadOf,
  PrepareSnapshot,
  PushMutation,
  PushOutput,
  ServerRepairView,
} from "~/client/sync/contract";
import type { MutationType } from "~/domain";
import type { AppRouter } from "~/server/api/root";
import type { LotWalk } from "~/server/db/generated/client";
import type { addRepairPhoto } from "~/server/services/repairs/add-repair-photo";
import type { captureRepair } from "~/server/services/repairs/capture-repair";
import type { completeRepair } from "~/server/services/repairs/complete-repair";
import type { startRepair } from "~/server/services/repairs/start-repair";
import type { createFollowUp } from "~/server/services/repairs/create-follow-up";
import type { markUrgent } from "~/server/services/repairs/mark-urgent";
import type { requestParts } from "~/server/services/parts/request-parts";
import type { startWalk } from "~/server/services/walks/start-walk";
import type { finishWalk } from "~/server/services/walks/finish-walk";
import type { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";

/** Exactly the same type (not merely assignable one way). */
type Equals<A, B> = (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;
type Flat<T> = T extends object ? (T extends Date ? T : { [K in keyof T]: T[K] }) : T;
type Expect<T extends true> = T;

type SyncOutputs = inferRouterOutputs<AppRouter>["sync"];
type Data<T extends MutationType> = Extract<MutationResult, { ok: true; type: T }>["data"];

export type SyncContractChecks = [
  // What the device reads is what the router answers (superjson keeps the dates).
  Expect<Equals<SyncOutputs["prepare"], PrepareSnapshot>>,
  Expect<Equals<SyncOutputs["push"], PushOutput>>,
  // Each accepted mutation answers with what its service returns, field for field: a column
  // renamed in the schema or a service answering something else fails here.
  Expect<Equals<Data<"repair.capture">, Awaited<ReturnType<typeof captureRepair>>>>,
  Expect<Equals<Data<"walk.start">, Awaited<ReturnType<typeof startWalk>>>>,
  Expect<Equals<Data<"walk.finish">, LotWalk>>,
  Expect<Equals<Data<"repair.start">, Awaited<ReturnType<typeof startRepair>>>>,
  Expect<Equals<Data<"repair.complete">, Awaited<ReturnType<typeof completeRepair>>>>,
  Expect<Equals<Data<"repair.addPhoto">, Awaited<ReturnType<typeof addRepairPhoto>>>>,
  Expect<Equals<Data<"repair.markUrgent">, Awaited<ReturnType<typeof markUrgent>>>>,
  Expect<Equals<Data<"repair.followUp">, Awaited<ReturnType<typeof createFollowUp>>>>,
  Expect<Equals<Data<"repair.requestParts">, Awaited<ReturnType<typeof requestParts>>>>,
  Expect<Equals<Awaited<ReturnType<typeof finishWalk>>, LotWalk>>,
  Expect<Equals<Awaited<ReturnType<typeof prepareSnapshot>>, PrepareSnapshot>>,
  // The server's decision the device keeps beside its estimate is read from that view.
  Expect<Equals<ServerDecision["status"], ServerRepairView["status"]>>,
  Expect<Equals<ServerDecision["flaggedReason"], NonNullable<ServerRepairView["flaggedReason"]> | null>>,
  Expect<Equals<NonNullable<ServerDecision["estimateCents"]>, NonNullable<ServerRepairView["estimateCents"]>>>,
  // A queued capture is sent with its repair's payload; walks carry theirs.
  Expect<Equals<LocalRepair["payload"], PayloadOf["repair.capture"]>>,
  Expect<Equals<Extract<OutboxEntry, { type: "repair.capture" }> extends { payload: unknown } ? true : false, false>>,
  Expect<
    Equals<
      Extract<PushMutation, { type: "walk.start" }>["payload"],
      Extract<OutboxEntry, { type: "walk.start" }>["payload"]
    >
  >,
  Expect<
    Equals<
      Extract<PushMutation, { type: "walk.finish" }>["payload"],
      Extract<OutboxEntry, { type: "walk.finish" }>["payload"]
    >
  >,
  // My work's changes carry their payload in the outbox, as sent.
  Expect<
    Equals<
      Extract<PushMutation, { type: "repair.start" }>["payload"],
      Extract<OutboxEntry, { type: "repair.start" }>["payload"]
    >
  >,
  Expect<
    Equals<
      Extract<PushMutation, { type: "repair.complete" }>["payload"],
      Extract<OutboxEntry, { type: "repair.complete" }>["payload"]
    >
  >,
  Expect<
    Equals<
      Extract<PushMutation, { type: "repair.addPhoto" }>["payload"],
      Extract<OutboxEntry, { type: "repair.addPhoto" }>["payload"]
    >
  >,
  // The quick actions queued offline carry theirs too.
  Expect<
    Equals<
      Extract<PushMutation, { type: "repair.markUrgent" }>["payload"],
      Extract<OutboxEntry, { type: "repair.markUrgent" }>["payload"]
    >
  >,
  Expect<
    Equals<
      Extract<PushMutation, { type: "repair.followUp" }>["payload"],
      Extract<OutboxEntry, { type: "repair.followUp" }>["payload"]
    >
  >,
  Expect<
    Equals<
      Extract<PushMutation, { type: "repair.requestParts" }>["payload"],
      Extract<OutboxEntry, { type: "repair.requestParts" }>["payload"]
    >
  >,
  // Every mutation type has a payload on the device and an answer from the server.
  Expect<Equals<PushMutation["type"], MutationType>>,
  Expect<Equals<Extract<MutationResult, { ok: true }>["type"], MutationType>>,
];
