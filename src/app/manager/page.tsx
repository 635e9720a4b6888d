import type { Metadata } from "next";
import { mayAssignWork } from "~/domain";
import { TopBar } from "../_components/top-bar";
import { requireKind } from "../_components/require-kind";
import { ManagerHome } from "./manager-home";
import "./manager.css";
import { NotificationBell } from "~/app/_components/notification-bell";
import { HydrateClient, serverApi } from "~/trpc/server";
import { OfflineView } from "~/app/_components/offline-view";
import { FIRST_CHANGES_INPUT } from "~/app/_components/first-changes-input";
import { ASSIGNED_NOT_STARTED } from "./_components/assigned-not-started";
import { INITIAL_QUEUE_FILTERS, queueQueryInput } from "./_components/queue/queue-defaults";

export const metadata: Metadata = { title: "Manager" };

export default async function Page() {
  const { actor } = await requireKind("manager", "admin");
  // The first screen's lists, in the first HTML (see src/trpc/server.ts).
  await Promise.all([
    serverApi.session.me.prefetch(),
    serverApi.manager.queue.prefetchInfinite(queueQueryInput(INITIAL_QUEUE_FILTERS)),
    serverApi.manager.requestsWaiting.prefetch(),
    serverApi.manager.flagged.prefetch(),
    serverApi.manager.team.prefetch(),
    // Everything else the screen shows at once, so that it asks nothing while it starts up.
    ...(mayAssignWork(actor) ? [serverApi.repair.list.prefetch(ASSIGNED_NOT_STARTED)] : []),
    serverApi.push.publicKey.prefetch(),
    serverApi.notifications.unreadCount.prefetch(),
    serverApi.manager.changesSince.prefetch(FIRST_CHANGES_INPUT),
  ]);
  return (
    <HydrateClient>
      <TopBar title="Manager" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <OfflineView scope="/manager">
          <ManagerHome />
        </OfflineView>
      </main>
    </HydrateClient>
  );
}
