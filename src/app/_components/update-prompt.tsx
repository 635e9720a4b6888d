"use client";
// When a new version of the service worker is waiting, offers to switch to it. It never reloads
// by itself: the user may be in the middle of a walk. (The lot-walk app registers the worker once
// its first screen is up: src/app/walk/_components/walk-app.tsx.)
import { useSyncExternalStore } from "react";
import { applyUpdate, isUpdateReady, subscribeToUpdate } from "~/client/pwa/register-service-worker";

export function UpdatePrompt() {
  const ready = useSyncExternalStore(subscribeToUpdate, isUpdateReady, () => false);
  if (!ready) return null;
  return (
    <div
      role="status"
      className="card"
      style={{
        position: "fixed",
        left: "1rem",
        right: "1rem",
        bottom: "1rem",
        zIndex: 20,
        display: "flex",
        alignItems: "center",
        gap: "0.75rem",
      }}
    >
      <span>An update is ready —</span>
      <button type="button" onClick={applyUpdate}>
        Reload
      </button>
    </div>
  );
}
