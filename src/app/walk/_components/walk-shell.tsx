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

/**
 * Calls `then` once the browser has recorded the first paint's largest element (the
 * placeholder's card): a node removed before its paint is recorded is not counted, and the largest
 * paint would then be the app's, drawn later. Where the browser does not report largest paints,
 * after the next frame. Returns how to cancel.
 */
function afterLargestPaintRecorded(then: () => void): () => void {
  const cleanups: (() => void)[] = [];
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    for (const cleanup of cleanups) cleanup();
    then();
  };
  // A hidden page paints nothing (and runs no animation frames): nothing to wait for.
  if (document.visibilityState !== "visible") {
    finish();
    return () => {};
  }
  if (PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint")) {
    const observer = new PerformanceObserver(finish);
    observer.observe({ type: "largest-contentful-paint", buffered: true });
    cleanups.push(() => observer.disconnect());
  } else {
    const frame = requestAnimationFrame(() => setTimeout(finish, 0));
    cleanups.push(() => cancelAnimationFrame(frame));
  }
  // Never wait long for it, whatever the browser does.
  const timer = setTimeout(finish, 1_000);
  cleanups.push(() => clearTimeout(timer));
  return () => {
    done = true;
    for (const cleanup of cleanups) cleanup();
  };
}

/**
 * Reads once from localStorage, then from sessionStorage, each in a task of its own, then calls
 * `then` in a third. A page's first read of either waits for the browser to load that storage
 * area (12–30 ms measured on a busy machine); the app reads both as it mounts (its remembered
 * answers, the tab's screen), and inside its render or its effects that wait made one long task
 * (total blocking time). Once loaded, reads are served from memory. Returns how to cancel.
 */
function openStorageAreas(then: () => void): () => void {
  const steps = [() => touch(() => localStorage), () => touch(() => sessionStorage), then];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    timer = setTimeout(() => {
      steps.shift()?.();
      if (steps.length > 0) next();
    }, 0);
  };
  next();
  return () => clearTimeout(timer);
}

function touch(area: () => Storage): void {
  try {
    area().getItem("rs-open");
  } catch {
    // Storage refused (blocked cookies, private mode): the app copes where it reads.
  }
}

export function WalkShell() {
  // The prerendered HTML, and the hydration render that must match it, show the placeholder;
  // the app replaces it once its paint is recorded, as a transition: React draws it in short
  // slices rather than one long task, so the page stays responsive meanwhile (total blocking
  // time), and the first paint, the placeholder's, stays the largest one.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => {
    let cancelOpen = () => {};
    const cancelWait = afterLargestPaintRecorded(() => {
      cancelOpen = openStorageAreas(() => startTransition(() => setInBrowser(true)));
    });
    return () => {
      cancelWait();
      cancelOpen();
    };
  }, []);
  return inBrowser ? <WalkApp /> : <Placeholder />;
}
