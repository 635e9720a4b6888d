import type { Metadata } from "next";
import { Suspense } from "react";
import { AnalyticsDashboard } from "~/app/_components/analytics/analytics-dashboard";
import "~/app/_components/analytics/analytics.css";
import { NotificationBell } from "~/app/_components/notification-bell";
import { TopBar } from "../../_components/top-bar";
import { requireKind } from "../../_components/require-kind";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Fleet analytics" };

export default async function Page() {
  const { actor } = await requireKind("customer");
  return (
    <>
      <TopBar title="Fleet analytics" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <UntilHydrated>
          <nav aria-label="Portal screens" className="an-nav">
            <a href="/portal">Your fleet</a>
          </nav>
          <h1>Fleet analytics</h1>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <AnalyticsDashboard audience="customer" />
          </Suspense>
        </UntilHydrated>
      </main>
    </>
  );
}
