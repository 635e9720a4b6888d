"use client";
// The /walk screens in one static client shell (the service worker precaches this one HTML):
// home (offline data, queue, walks), a walk on the lot, and the walk's end with signature.
// Screens are in-page state, never routes, so nothing here needs the server to render.
import { useEffect, useState } from "react";
import { rsDb } from "~/client/store/db";
import { queueStats } from "~/client/store/queue-stats";
import { deviceSync, startDeviceSync } from "~/client/sync/device-sync";
import { requestPersistentStorage } from "~/client/sync/storage";
import { TopBar } from "../../_components/top-bar";
import { useDeviceUser } from "../_hooks/use-device-user";
import { useLiveQuery } from "../_hooks/use-live-query";
import { FinishScreen } from "./finish-screen";
import { PreparePanel } from "./prepare-panel";
import { QueueStatus } from "./queue-status";
import { RejectedList } from "./rejected-list";
import { WalkList } from "./walk-list";
import { WalkScreen } from "./walk-screen";

type Screen = { name: "home" } | { name: "walk"; walkId: string } | { name: "finish"; walkId: string };

export function WalkApp() {
  const user = useDeviceUser();
  const [screen, setScreen] = useState<Screen>({ name: "home" });
  // One subscription for the status bar and the refused list: re-read after every queue change.
  const stats = useLiveQuery(() => queueStats(rsDb()), "queue-stats");

  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("bench") === "1") {
      // Benchmarks drive the store themselves: no background sync competing with them.
      void import("../_bench/install-bench-hook").then((m) => m.installBenchHook());
      return;
    }
    void requestPersistentStorage();
    return startDeviceSync();
  }, []);
  // Signed in again (the server answers as the user): send what waited during the pause.
  useEffect(() => {
    if (user.name && !user.fromDevice && deviceSync().status.sessionExpired) void deviceSync().resume();
  }, [user.name, user.fromDevice]);

  const home = () => setScreen({ name: "home" });
  return (
    <>
      <TopBar title="Lot walk" userName={user.name} />
      <main className="walk-app">
        <QueueStatus stats={stats} sessionExpired={user.sessionExpired} />
        {/* On every screen: a refusal waits for the technician's decision wherever they are. */}
        <RejectedList stats={stats} />
        {screen.name === "home" && (
          <>
            <h1>Today&apos;s lot walks</h1>
            {user.name && <p className="muted">{user.fromDevice ? `Working offline as ${user.name}` : `Signed in as ${user.email}`}</p>}
            <WalkList onOpen={(walkId) => setScreen({ name: "walk", walkId })} />
            <PreparePanel />
          </>
        )}
        {screen.name === "walk" && <WalkScreen walkId={screen.walkId} onBack={home} onEnd={() => setScreen({ name: "finish", walkId: screen.walkId })} />}
        {screen.name === "finish" && <FinishScreen walkId={screen.walkId} onDone={home} onBack={() => setScreen({ name: "walk", walkId: screen.walkId })} />}
      </main>
    </>
  );
}
