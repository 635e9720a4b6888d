import type { Metadata } from "next";
import { TopBar } from "../_components/top-bar";
import { requireKind } from "../_components/require-kind";
import { PortalHome } from "./portal-home";
import { NotificationBell } from "~/app/_components/notification-bell";
import { HydrateClient, serverApi } from "~/trpc/server";
import { OfflineView } from "~/app/_components/offline-view";

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
  ]);
  return (
    <>
      <TopBar title="Fleet portal" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <HydrateClient>
          <OfflineView scope="/portal">
            <PortalHome />
          </OfflineView>
        </HydrateClient>
      </main>
    </>
  );
}
