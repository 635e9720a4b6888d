import type { Metadata } from "next";
import { Suspense } from "react";
import { AnalyticsDashboard } from "~/app/_components/analytics/analytics-dashboard";
import "~/app/_components/analytics/analytics.css";
import { NotificationBell } from "~/app/_components/notification-bell";
import { TopBar } from "../../_components/top-bar";
import { requireKind } from "../../_components/require-kind";
import { ManagerNav } from "../_components/manager-nav";
import "../manager.css";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Team analytics" };

export default async function Page() {
  const { actor } = await requireKind("manager", "admin");
  return (
    <>
      <TopBar title="Team analytics" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <UntilHydrated>
          <ManagerNav />
          <h1>Team analytics</h1>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <AnalyticsDashboard audience={actor.role === "ADMIN" ? "business" : "team"} />
          </Suspense>
        </UntilHydrated>
      </main>
    </>
  );
}
