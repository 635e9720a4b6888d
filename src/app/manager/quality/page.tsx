import type { Metadata } from "next";
import { NotificationBell } from "~/app/_components/notification-bell";
import { requireKind } from "../../_components/require-kind";
import { TopBar } from "../../_components/top-bar";
import { QualityScreen } from "./quality-screen";
import "../manager.css";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Quality" };

export default async function Page() {
  const { actor } = await requireKind("manager", "admin");
  return (
    <>
      <TopBar title="Quality" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <UntilHydrated>
          <QualityScreen />
        </UntilHydrated>
      </main>
    </>
  );
}
