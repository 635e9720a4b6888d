"use client";
// /manager and /portal offline: the office worker serves the last page loaded, this puts back the
// last answers the screen had, says how old they are, and disables every control inside (a
// disabled fieldset), since decisions need the server. The same fieldset keeps the server's HTML
// disabled until the screen has hydrated: a field typed into in that moment can lose its text.
import { onlineManager, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, createContext, useContext, useEffect, useId, useState, useSyncExternalStore } from "react";
import { keepSnapshots, oldestAnswerAt, restoreSnapshot } from "~/client/office/offline-snapshot";
import { type OfficeScope, registerOfficeWorker } from "~/client/pwa/office-worker";
import { clock24Text, dayMonthText } from "~/domain";
import { api } from "~/trpc/react";
import { useHydrated } from "./use-hydrated";

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}
const isOnline = () => navigator.onLine;

const OnlineContext = createContext(true);
/** Whether the screen has a connection: lists hide the decisions they cannot make offline. */
export const useOfficeOnline = () => useContext(OnlineContext);

/** "14:05" today, "3 Dec 14:05" before: the 24-hour clock the office schedules in. */
function dataTime(at: number): string {
  const when = new Date(at);
  const time = clock24Text(when);
  if (when.toDateString() === new Date().toDateString()) return time;
  return `${dayMonthText(when)} ${time}`;
}

export function OfflineView({ scope, children }: { scope: OfficeScope; children: ReactNode }) {
  const client = useQueryClient();
  // Before the lists below mount (parents render first): a page opened offline must pause their
  // refetches, not turn its data into errors. react-query only listens to the online/offline events.
  useState(() => {
    if (typeof window !== "undefined" && !navigator.onLine) onlineManager.setOnline(false);
  });
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const userId = api.session.me.useQuery().data?.userId;
  const oldest = useSyncExternalStore(
    (onChange) => client.getQueryCache().subscribe(onChange),
    () => oldestAnswerAt(client),
    () => null,
  );
  const reasonId = useId();
  const hydrated = useHydrated();

  useEffect(() => registerOfficeWorker(scope), [scope]);
  useEffect(() => (userId ? keepSnapshots(client, userId, scope) : undefined), [client, userId, scope]);
  useEffect(() => {
    if (!online && userId) void restoreSnapshot(client, userId, scope);
  }, [client, online, userId, scope]);

  return (
    <>
      {!online && (
        <p id={reasonId} className="notice offline-notice" role="status">
          <strong>Offline - showing data from {oldest === null ? "an earlier visit" : dataTime(oldest)}.</strong> Read
          only: approving, assigning and every other change need a connection.
        </p>
      )}
      <fieldset
        className="offline-view"
        disabled={!online || !hydrated}
        aria-describedby={online ? undefined : reasonId}
      >
        <OnlineContext.Provider value={online}>{children}</OnlineContext.Provider>
      </fieldset>
    </>
  );
}
