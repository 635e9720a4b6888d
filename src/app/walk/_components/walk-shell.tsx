"use client";
// What /walk's HTML carries: the header and a loading line. The home app renders right after
// hydration, in the browser only (it reads what the device remembers); the device database, the
// sync engine and the other screens load after it as chunks of their own, so the first load stays
// small; offline, the service worker serves them from its precache.
import { startTransition, useEffect, useState } from "react";
import { WalkApp } from "./walk-app";

// Laid out like the app's first frame (top bar with its button, sync bar, heading, one line under
// it, the walks' heading and card) so nothing on screen moves when the app replaces it: no layout shift. The reserved buttons
// are spans, not buttons: the placeholder must not look tappable, or ready, to anyone.
function Placeholder() {
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
        <p className="muted">&nbsp;</p>
        {/* The walks' place, drawn from the HTML: the first screen shows its main content at
            once (its largest paint), not only after the app's code has loaded. */}
        <section aria-labelledby="walks-title">
          <h2 id="walks-title">Lot walks</h2>
          <p className="empty card" role="status">
            Opening the lot-walk app… The walks, the sync queue and the offline data kept on this device appear here in
            a moment.
          </p>
        </section>
      </main>
    </>
  );
}

export function WalkShell() {
  // The prerendered HTML, and the hydration render that must match it, show the placeholder;
  // the app replaces it right after hydration, as a transition: React draws it in short slices
  // rather than one long task, so the page stays responsive meanwhile (total blocking time), and
  // the first paint, the placeholder's, stays the largest one.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => startTransition(() => setInBrowser(true)), []);
  return inBrowser ? <WalkApp /> : <Placeholder />;
}
