import type { Metadata } from "next";
import { NotificationPreferences } from "~/app/_components/notification-preferences";
import { TRPCReactProvider } from "~/trpc/react";
import { requireKind } from "../../_components/require-kind";
import { TopBar } from "../../_components/top-bar";

export const metadata: Metadata = { title: "Notification settings" };

// A route of its own: /walk's first screen only links here, so none of this (nor the tRPC React
// client) is in /walk's first load. Settings are changed online.
export default async function Page() {
  const { actor } = await requireKind("technician", "manager", "admin");
  return (
    <TRPCReactProvider>
      <TopBar title="Notification settings" userName={actor.name} />
      <main>
        <p>
          <a href="/walk">Back to the walk</a>
        </p>
        <NotificationPreferences />
      </main>
    </TRPCReactProvider>
  );
}
