import type { Metadata } from "next";
import { TopBar } from "../_components/top-bar";
import { requireKind } from "../_components/require-kind";
import { AdminHome } from "./admin-home";
import "./admin.css";
import { NotificationBell } from "~/app/_components/notification-bell";

export const metadata: Metadata = { title: "Admin" };

export default async function Page() {
  const { actor } = await requireKind("admin");
  return (
    <>
      <TopBar title="Admin" userName={actor.name}>
        <NotificationBell />
      </TopBar>
      <main>
        <AdminHome />
      </main>
    </>
  );
}
