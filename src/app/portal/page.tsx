import type { Metadata } from "next";
import { TopBar } from "../_components/top-bar";
import { requireKind } from "../_components/require-kind";
import { PortalHome } from "./portal-home";
import { NotificationBell } from "~/app/_components/notification-bell";

export const metadata: Metadata = { title: "Fleet portal" };

export default async function Page() {
  const { actor } = await requireKind("customer");
  return (
    <>
      <TopBar title="Fleet portal" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <PortalHome />
      </main>
    </>
  );
}
