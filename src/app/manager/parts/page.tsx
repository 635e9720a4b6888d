import type { Metadata } from "next";
import { TopBar } from "../../_components/top-bar";
import { requireKind } from "../../_components/require-kind";
import { PartsRequests } from "./parts-requests";
import "../manager.css";
import { NotificationBell } from "~/app/_components/notification-bell";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Parts requests" };

export default async function Page() {
  const { actor } = await requireKind("manager", "admin");
  return (
    <>
      <TopBar title="Parts requests" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <UntilHydrated>
          <PartsRequests />
        </UntilHydrated>
      </main>
    </>
  );
}
