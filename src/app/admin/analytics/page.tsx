import type { Metadata } from "next";
import { Suspense } from "react";
import { AnalyticsDashboard } from "~/app/_components/analytics/analytics-dashboard";
import "~/app/_components/analytics/analytics.css";
import { NotificationBell } from "~/app/_components/notification-bell";
import { TopBar } from "../../_components/top-bar";
import { requireKind } from "../../_components/require-kind";
import "../admin.css";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Analytics" };

export default async function Page() {
  const { actor } = await requireKind("admin");
  return (
    <>
      <TopBar title="Analytics" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <UntilHydrated>
          <nav aria-label="Admin screens" className="an-nav">
            <a href="/admin">Administration</a>
          </nav>
          <h1>Business analytics</h1>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <AnalyticsDashboard audience="business" />
          </Suspense>
        </UntilHydrated>
      </main>
    </>
  );
}
