"use client";
// What /walk's HTML carries: the header and a loading line. The app itself (device database,
// sync engine, screens) loads right after, as its own chunks, so the first load stays small;
// offline, the service worker serves them from its precache.
import { lazyComponent } from "../_lib/lazy-component";

// Laid out like the app's first frame (top bar with its button, sync bar, heading, one line under
// it) so nothing on screen moves when the app replaces it: no layout shift. The reserved buttons
// are spans, not buttons: the placeholder must not look tappable, or ready, to anyone.
function Placeholder({ failed }: { failed: boolean }) {
  return (
    <>
      <header className="topbar">
        <span className="brand">RS Systems · Lot walk</span>
        <span className="who" />
        <span className="button ghost reserve" aria-hidden="true">
          Sign out
        </span>
      </header>
      <main className="walk-app">
        <section className="syncbar card" aria-hidden="true">
          <div className="syncbar-row">
            <p className="syncbar-summary">
              <strong>Reading the queue…</strong>
              <span className="muted">&nbsp;</span>
            </p>
            <span className="button secondary reserve">Sync now</span>
          </div>
        </section>
        <h1>Today&apos;s lot walks</h1>
        {failed ? (
          <p className="error" role="alert">
            The lot-walk app could not be loaded. Reload once you have a connection; your queued work is safe on this
            device.
          </p>
        ) : (
          <p className="muted" role="status">
            Opening the lot-walk app…
          </p>
        )}
      </main>
    </>
  );
}

const walkApp = lazyComponent(() => import("./walk-app").then((m) => m.WalkApp));
// In the browser, the app's code starts loading as soon as this module runs, beside hydration.
if (typeof window !== "undefined") void walkApp.preload();

export function WalkShell() {
  // The prerendered HTML, and the hydration render that must match it, show the placeholder.
  const { Component: WalkApp, failed } = walkApp.useLoaded();
  return WalkApp ? <WalkApp /> : <Placeholder failed={failed} />;
}
