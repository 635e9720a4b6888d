import type { Metadata } from "next";
import { TopBar } from "../_components/top-bar";
import { requireKind } from "../_components/require-kind";
import { ManagerHome } from "./manager-home";
import "./manager.css";
import { NotificationBell } from "~/app/_components/notification-bell";

export const metadata: Metadata = { title: "Manager" };

export default async function Page() {
  const { actor } = await requireKind("manager", "admin");
  return (
    <>
      <TopBar title="Manager" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <ManagerHome />
      </main>
    </>
  );
}
