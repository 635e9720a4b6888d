import type { Metadata } from "next";
import { TopBar } from "../_components/top-bar";
import { requireKind } from "../_components/require-kind";
import { AdminHome } from "./admin-home";
import "./admin.css";
import { NotificationBell } from "~/app/_components/notification-bell";
import { HydrateClient, serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "Admin" };

export default async function Page() {
  const { actor } = await requireKind("admin");
  // The first screen's data (the customers tab), in the first HTML (see src/trpc/server.ts).
  await Promise.all([
    serverApi.session.me.prefetch(),
    serverApi.rewards.settings.prefetch(),
    serverApi.admin.customers.prefetch({}),
    serverApi.notifications.unreadCount.prefetch(),
  ]);
  return (
    <HydrateClient>
      <TopBar title="Admin" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <AdminHome />
      </main>
    </HydrateClient>
  );
}
