import type { Metadata } from "next";
import { TopBar } from "../../_components/top-bar";
import { requireKind } from "../../_components/require-kind";
import { WeekPlanner } from "./week-planner";
import "../manager.css";
import { NotificationBell } from "~/app/_components/notification-bell";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Walk planning" };

export default async function Page() {
  const { actor } = await requireKind("manager", "admin");
  return (
    <>
      <TopBar title="Walk planning" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <UntilHydrated>
          <WeekPlanner />
        </UntilHydrated>
      </main>
    </>
  );
}
