import type { Metadata } from "next";
import { TopBar } from "../_components/top-bar";
import { requireKind } from "../_components/require-kind";
import { PortalHome } from "./portal-home";
import { NotificationBell } from "~/app/_components/notification-bell";
import { HydrateClient, serverApi } from "~/trpc/server";
import { OfflineView } from "~/app/_components/offline-view";
import { FIRST_CHANGES_INPUT } from "~/app/_components/first-changes-input";

export const metadata: Metadata = { title: "Fleet portal" };

export default async function Page() {
  const { actor } = await requireKind("customer");
  // The first screen's lists, in the first HTML (see src/trpc/server.ts); the same inputs as the components ask.
  await Promise.all([
    serverApi.session.me.prefetch(),
    serverApi.repair.list.prefetch({ status: ["PENDING_APPROVAL"], limit: 100 }),
    serverApi.repair.list.prefetch({ status: ["REQUESTED", "APPROVED", "ASSIGNED", "IN_PROGRESS"], limit: 100 }),
    serverApi.portal.inbox.prefetch(),
    serverApi.portal.walks.prefetch(),
    // The request form's unit picker (and the fleet editor): drawn at its final size at once,
    // instead of "Loading units…" growing into a list that pushes the form down.
    serverApi.unit.fleet.prefetch({}),
    // Everything else the first screen shows, so that it asks nothing while it starts up: each answer
    // that came later re-drew a section and laid the page out again. Not the units' histories at the
    // bottom: they are asked for when scrolled near (fleet-history.tsx).
    serverApi.portal.windshieldReports.prefetch(),
    serverApi.messages.threads.prefetch({}),
    serverApi.billing.list.prefetch({}),
    serverApi.rewards.mine.prefetch(),
    serverApi.notifications.unreadCount.prefetch(),
    serverApi.portal.changes.prefetch(FIRST_CHANGES_INPUT),
  ]);
  return (
    <HydrateClient>
      <TopBar title="Fleet portal" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <OfflineView scope="/portal">
          <PortalHome />
        </OfflineView>
      </main>
    </HydrateClient>
  );
}
