import type { Metadata } from "next";
import { NotificationBell } from "~/app/_components/notification-bell";
import { NotificationPreferences } from "~/app/_components/notification-preferences";
import { requireKind } from "../../_components/require-kind";
import { TopBar } from "../../_components/top-bar";
import "../manager.css";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Notification settings" };

export default async function Page() {
  const { actor } = await requireKind("manager", "admin");
  return (
    <>
      <TopBar title="Notification settings" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <UntilHydrated>
          <p>
            <a href="/manager">Back</a>
          </p>
          <NotificationPreferences />
        </UntilHydrated>
      </main>
    </>
  );
}
