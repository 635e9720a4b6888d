"use client";
// The /walk screens in one static client shell (the service worker precaches this one HTML):
// home (offline data, queue, walks), a walk on the lot, and the walk's end with signature.
// Screens are in-page state, never routes, so nothing here needs the server to render.
import { useEffect, useState } from "react";
import { registerServiceWorker } from "~/client/pwa/register-service-worker";
import { EMPTY_QUEUE, HOME_VIEWS } from "~/client/store/home-views";
import { requestPersistentStorage } from "~/client/sync/storage";
import { TopBar } from "../../_components/top-bar";
import { lazyComponent } from "../_lib/lazy-component";
import { loadedDeviceSync, startDeviceSyncWhenIdle } from "../_lib/lazy-device-sync";
import { useDeviceUser } from "../_hooks/use-device-user";
import { useDeviceQuery } from "../_hooks/use-device-query";
import { loadDeviceStore, whenDeviceInUse } from "../_lib/lazy-device-store";
import { whenIdle } from "../_lib/when-idle";
import { whenServedByWorker } from "../_lib/when-served-by-worker";
import { PreparePanel } from "./prepare-panel";
import { QueueStatus } from "./queue-status";
import { RejectedList } from "./rejected-list";
import { TodayRoute } from "./today-route";
import { WalkList } from "./walk-list";

// The walk and its end are not on the first screen: their code (damage form, estimate, photo,
// voice and GPS capture, summary and signature) loads as chunks of its own, precached by the
// service worker for offline use and loaded from its cache at idle time (when-served-by-worker.ts),
// or on the tap that opens them.
// Imported through the device store (lazy-device-store.ts), whose chunk holds what they share.
const walkScreen = lazyComponent(() =>
  loadDeviceStore()
    .then((store) => store.walkScreenModule())
    .then((m) => m.WalkScreen),
);
const finishScreen = lazyComponent(() =>
  loadDeviceStore()
    .then((store) => store.finishScreenModule())
    .then((m) => m.FinishScreen),
);

// My work reads the device database: it is drawn once the store has loaded (at idle time), last
// on home, so its arrival moves nothing above it. Drawing home does not load it: on a first visit
// (no database yet) that would load the store, create the database and start the sync engine
// and the other screens' code before anything needs them (whenDeviceInUse below loads it).
const myWork = lazyComponent(() =>
  loadDeviceStore()
    .then((store) => store.myWorkModule())
    .then((m) => m.MyWork),
);

function MyWorkLoaded() {
  const { Component } = myWork.useLoaded({ load: false });
  return Component ? <Component /> : null;
}

/** `?bench=1`: the benchmarks' page, which drives the store itself. */
const benchMode = () => new URLSearchParams(window.location.search).get("bench") === "1";

type Screen = { name: "home" } | { name: "walk"; walkId: string } | { name: "finish"; walkId: string };

// This tab's screen, so a reload (Android reloads a tab the camera app pushed out of memory)
// comes back to the walk being captured, not to home.
const SCREEN_KEY = "rs-walk-screen";

function rememberedScreen(): Screen | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SCREEN_KEY) ?? "null") as Screen | null;
    return saved && (saved.name === "walk" || saved.name === "finish") && typeof saved.walkId === "string"
      ? saved
      : null;
  } catch {
    return null;
  }
}

export function WalkApp() {
  const user = useDeviceUser();
  const [screen, setScreenState] = useState<Screen>({ name: "home" });
  const setScreen = (next: Screen) => {
    setScreenState(next);
    sessionStorage.setItem(SCREEN_KEY, JSON.stringify(next));
  };
  // After hydration: the static shell renders home first, whatever the tab remembers.
  useEffect(() => {
    const saved = rememberedScreen();
    if (saved) setScreenState(saved);
  }, []);
  // One subscription for the status bar and the refused list: re-read after every queue change.
  const queue = useDeviceQuery((store) => store.queue(), "queue", { remember: HOME_VIEWS.queue, empty: EMPTY_QUEUE });

  // The sync engine and the server calls' code load once the queue holds something to send (a
  // save, a tap on Sync now or a refused change load it at once): with nothing queued a run
  // sends nothing, and a device in use does not fetch that code only to find out.
  const [syncWanted, setSyncWanted] = useState(false);
  if (!syncWanted && (queue?.unsynced ?? 0) > 0) setSyncWanted(true);
  useEffect(() => {
    if (benchMode()) {
      // Benchmarks drive the store themselves: no background sync competing with them.
      void import("../_bench/install-bench-hook").then((m) => m.installBenchHook());
      return;
    }
    void requestPersistentStorage();
  }, []);
  useEffect(
    () => (syncWanted && !benchMode() ? whenDeviceInUse(() => startDeviceSyncWhenIdle(whenIdle)) : undefined),
    [syncWanted],
  );
  // Home is drawn from the last answers kept on the device; the database's code loads at idle
  // time (on a first visit, with the first tap that needs it: lazy-device-store.ts), then walks
  // the server has confirmed long ago are tidied away.
  useEffect(
    () =>
      whenDeviceInUse(() =>
        whenIdle(
          () =>
            void loadDeviceStore()
              .then((store) => (benchMode() ? undefined : store.pruneSynced()))
              .catch((error: unknown) => console.error("could not load the device database", error)),
        ),
      ),
    [],
  );
  useEffect(() => whenDeviceInUse(() => whenIdle(() => void myWork.preload())), []);
  // Once home is up: the service worker (its precache downloads all of /walk for offline use),
  // and, from its cache, the other screens' code, so a tap on a walk does not wait for it.
  useEffect(() => registerServiceWorker(), []);
  useEffect(
    () =>
      whenDeviceInUse(() =>
        whenServedByWorker(() => whenIdle(() => void Promise.all([walkScreen.preload(), finishScreen.preload()]))),
      ),
    [],
  );
  // Signed in again (the server answers as the user): send what waited during the pause.
  useEffect(() => {
    const sync = loadedDeviceSync(); // not loaded yet: nothing has run, nothing is paused
    if (user.name && !user.fromDevice && sync?.status.sessionExpired) void sync.resume();
  }, [user.name, user.fromDevice]);

  const home = () => setScreen({ name: "home" });
  return (
    <>
      <TopBar title="Lot walk" userName={user.name} />
      <main className="walk-app">
        <QueueStatus stats={queue} sessionExpired={user.sessionExpired} />
        {/* On every screen: a refusal waits for the technician's decision wherever they are. */}
        <RejectedList queue={queue} />
        {screen.name === "home" && (
          <>
            <h1>Today&apos;s lot walks</h1>
            {/* The line is there before the user is known, so the list under it does not move. */}
            <p className="muted">
              {!user.name
                ? "\u00a0"
                : user.fromDevice
                  ? `Working offline as ${user.name}`
                  : `Signed in as ${user.email}`}
            </p>
            <TodayRoute />
            {/* My work last: it appears once read, and moves nothing above it. */}
            <WalkList
              onOpen={(walkId) => setScreen({ name: "walk", walkId })}
              after={
                <>
                  <PreparePanel />
                  <MyWorkLoaded />
                  {/* A page of its own (online only): nothing of it is in this screen's code. */}
                  <p>
                    <a href="/walk/notifications">Notification settings</a>
                  </p>
                </>
              }
            />
          </>
        )}
        {screen.name === "walk" && (
          <WalkScreenLoaded
            walkId={screen.walkId}
            onBack={home}
            onEnd={() => setScreen({ name: "finish", walkId: screen.walkId })}
          />
        )}
        {screen.name === "finish" && (
          <FinishScreenLoaded
            walkId={screen.walkId}
            onDone={home}
            onBack={() => setScreen({ name: "walk", walkId: screen.walkId })}
          />
        )}
      </main>
    </>
  );
}

function Opening({ failed }: { failed: boolean }) {
  return failed ? (
    <p className="error" role="alert">
      This screen could not be loaded. Reload once you have a connection; your work is saved on this device.
    </p>
  ) : (
    <p className="muted" role="status">
      Opening…
    </p>
  );
}

function WalkScreenLoaded(props: { walkId: string; onBack: () => void; onEnd: () => void }) {
  const { Component, failed } = walkScreen.useLoaded();
  return Component ? <Component {...props} /> : <Opening failed={failed} />;
}

function FinishScreenLoaded(props: { walkId: string; onDone: () => void; onBack: () => void }) {
  const { Component, failed } = finishScreen.useLoaded();
  return Component ? <Component {...props} /> : <Opening failed={failed} />;
}
