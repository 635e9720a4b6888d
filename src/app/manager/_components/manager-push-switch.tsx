"use client";
// The push switch on /manager, through the office screens' tRPC client.
import { useMemo } from "react";
import type { PushServer } from "~/client/pwa/push-subscription";
import { api } from "~/trpc/react";
import { PushSwitch } from "../../_components/push-switch";

export function ManagerPushSwitch() {
  const utils = api.useUtils();
  const server = useMemo<PushServer>(
    () => ({
      // From the cache: the page's HTML brings the key, so the switch asks nothing while the screen starts.
      publicKey: () => utils.push.publicKey.fetch(),
      status: (endpoint) => utils.client.push.status.query({ endpoint }),
      subscribe: (subscription) => utils.client.push.subscribe.mutate(subscription),
      unsubscribe: (endpoint) => utils.client.push.unsubscribe.mutate({ endpoint }),
    }),
    [utils],
  );
  return <PushSwitch server={server} />;
}
