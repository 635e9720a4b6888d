"use client";
// The push switch on /manager, through the office screens' tRPC client.
import { useMemo } from "react";
import type { PushServer } from "~/client/pwa/push-subscription";
import { api } from "~/trpc/react";
import { PushSwitch } from "../../_components/push-switch";

export function ManagerPushSwitch() {
  const { client } = api.useUtils();
  const server = useMemo<PushServer>(
    () => ({
      publicKey: () => client.push.publicKey.query(),
      status: (endpoint) => client.push.status.query({ endpoint }),
      subscribe: (subscription) => client.push.subscribe.mutate(subscription),
      unsubscribe: (endpoint) => client.push.unsubscribe.mutate({ endpoint }),
    }),
    [client],
  );
  return <PushSwitch server={server} />;
}
