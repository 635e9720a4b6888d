"use client";
// The push switch on /walk, calling the server through the device's own small tRPC caller. Its
// own chunk (my-work.tsx loads it at idle time): the first screen does not carry it.
import { trpcMutation, trpcQuery } from "~/client/rpc/trpc";
import type { PushServer } from "~/client/pwa/push-subscription";
import { PushSwitch } from "../../_components/push-switch";

const server: PushServer = {
  publicKey: () => trpcQuery("push.publicKey"),
  status: (endpoint) => trpcQuery("push.status", { endpoint }),
  subscribe: (subscription) => trpcMutation("push.subscribe", subscription),
  unsubscribe: (endpoint) => trpcMutation("push.unsubscribe", { endpoint }),
};

export function WalkPushSwitch() {
  return <PushSwitch server={server} />;
}
