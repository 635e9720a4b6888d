"use client";
// Registers the service worker and, when a new version is waiting, offers to switch to it.
// It never reloads by itself: the user may be in the middle of a walk.
import { useEffect, useSyncExternalStore } from "react";
import { applyUpdate, isUpdateReady, registerServiceWorker, subscribeToUpdate } from "~/client/pwa/register-service-worker";

export function UpdatePrompt() {
  useEffect(() => registerServiceWorker(), []);
  const ready = useSyncExternalStore(subscribeToUpdate, isUpdateReady, () => false);
  if (!ready) return null;
  return (
    <div role="status" className="card" style={{ position: "fixed", left: "1rem", right: "1rem", bottom: "1rem", zIndex: 20, display: "flex", alignItems: "center", gap: "0.75rem" }}>
      <span>An update is ready —</span>
      <button type="button" onClick={applyUpdate}>
        Reload
      </button>
    </div>
  );
}
