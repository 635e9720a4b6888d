import type { Metadata } from "next";
import { TopBar } from "../../_components/top-bar";
import { requireKind } from "../../_components/require-kind";
import { TemplatesScreen } from "./templates-screen";
import "../manager.css";
import { NotificationBell } from "~/app/_components/notification-bell";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Templates" };

export default async function Page() {
  const { actor } = await requireKind("manager", "admin");
  return (
    <>
      <TopBar title="Templates" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <UntilHydrated>
          <TemplatesScreen />
        </UntilHydrated>
      </main>
    </>
  );
}
