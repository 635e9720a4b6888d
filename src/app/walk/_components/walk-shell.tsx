"use client";
// What /walk's HTML carries: the header and a loading line. The app itself (device database,
// sync engine, screens) loads right after, as its own chunk, so the first load stays small;
// offline, the service worker serves that chunk from its precache.
import dynamic from "next/dynamic";

function Placeholder() {
  return (
    <>
      <header className="topbar">
        <span className="brand">RS Systems · Lot walk</span>
      </header>
      <main className="walk-app">
        <h1>Today&apos;s lot walks</h1>
        <p className="muted" role="status">
          Opening the lot-walk app…
        </p>
      </main>
    </>
  );
}

const WalkApp = dynamic(() => import("./walk-app").then((m) => m.WalkApp), { ssr: false, loading: Placeholder });

export function WalkShell() {
  return <WalkApp />;
}
