"use client";
// The walks on this device: prepared ones to start (GPS recorded), started ones to continue,
// finished ones with their repairs and what the server made of them.
import { type ReactNode, useState } from "react";
import { currentPosition } from "~/client/capture/gps";
import { EMPTY_WALK_LIST, HOME_VIEWS, type WalkListView } from "~/client/store/home-views";
import { dateText, hourMinuteText } from "~/domain/display-format";
import { lazyComponent } from "../_lib/lazy-component";
import { loadDeviceStore } from "../_lib/lazy-device-store";
import { kickSync } from "../_lib/lazy-device-sync";
import { useDeviceQuery } from "../_hooks/use-device-query";
import { FavoriteStar } from "./favorite-star";

// A finished walk's repairs come with the device database's code, after the first frame.
const walkRepairs = lazyComponent(() =>
  loadDeviceStore()
    .then((store) => store.walkRepairsModule())
    .then((m) => m.WalkRepairs),
);

const FINISH_TEXT = {
  queued: "waiting to sync",
  sent: "signature uploading",
  synced: "synced",
  rejected: "refused by the server",
} as const;

/** `after` (the offline-data panel) shows once the list is read, so the list does not push it down. */
export function WalkList({ onOpen, after }: { onOpen: (walkId: string) => void; after?: ReactNode }) {
  const data = useDeviceQuery((store) => store.walkList(), "walk-list", {
    remember: HOME_VIEWS.walkList,
    empty: EMPTY_WALK_LIST,
  });
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!data) return <p className="muted">Loading walks…</p>;

  const customerName = (id: string) => data.customers.find((c) => c.id === id)?.name ?? "a customer";
  const localIds = new Set(data.local.map((w) => w.id));
  const toStart = data.prepared.filter((w) => !localIds.has(w.id));
  const inProgress = data.local.filter((w) => w.status === "IN_PROGRESS");
  const finished = data.local
    .filter((w) => w.status === "FINISHED")
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());

  /** A prepared walk keeps its server id; an unscheduled one gets a new id on the device. */
  async function start(walk: { id?: string; customerId: string }) {
    setStarting(walk.id ?? "unscheduled");
    setError(null);
    try {
      // A tap before the database's code has loaded waits for it here.
      const [gps, store] = await Promise.all([currentPosition({ timeoutMs: 10_000 }), loadDeviceStore()]);
      const started = await store.startLocalWalk({
        walkId: walk.id,
        customerId: walk.customerId,
        gps: gps.ok ? gps.fix : undefined,
      });
      kickSync();
      onOpen(started.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setStarting(null);
    }
  }

  return (
    <>
      <section aria-labelledby="walks-title">
        <h2 id="walks-title">Lot walks</h2>
        {error && <p className="error">{error}</p>}
        {toStart.length + inProgress.length + finished.length === 0 && (
          <p className="empty card">No walks on this device. Prepare for offline to load your scheduled walks.</p>
        )}
        <ul className="plain">
          {inProgress.map((walk) => (
            <li key={walk.id} id={`walk-${walk.id}`} className="card">
              <p>
                <strong>{customerName(walk.customerId)}</strong> · started {hourMinuteText(walk.startedAt)}
              </p>
              <button type="button" onClick={() => onOpen(walk.id)}>
                Continue walk at {customerName(walk.customerId)}
              </button>
            </li>
          ))}
          {toStart.map((walk) => (
            <li key={walk.id} id={`walk-${walk.id}`} className="card">
              <p>
                <strong>{customerName(walk.customerId)}</strong>
                {walk.scheduledFor && <> · scheduled {dateText(walk.scheduledFor)}</>}
                {walk.status === "IN_PROGRESS" && <> · already started</>}
              </p>
              <button type="button" disabled={starting !== null} onClick={() => void start(walk)}>
                {starting === walk.id ? "Getting location…" : `Start walk at ${customerName(walk.customerId)}`}
              </button>
            </li>
          ))}
        </ul>
        {data.customers.length > 0 && (
          <UnscheduledWalk
            customers={data.customers}
            busy={starting !== null}
            starting={starting === "unscheduled"}
            onStart={(customerId) => void start({ customerId })}
          />
        )}
        {finished.map((walk) => (
          <FinishedWalk key={walk.id} walk={walk} customer={customerName(walk.customerId)} />
        ))}
      </section>
      {after}
    </>
  );
}

function FinishedWalk({ walk, customer }: { walk: WalkListView["local"][number]; customer: string }) {
  return (
    <section className="card" aria-label={`Finished walk at ${customer}`}>
      <h3>
        {customer} · finished, signed by {walk.siteContactName}
      </h3>
      <p className="muted">Walk end and signature: {walk.finishSync ? FINISH_TEXT[walk.finishSync] : "—"}</p>
      {walk.error && <p className="error">{walk.error.message}</p>}
      <WalkRepairsLoaded walkId={walk.id} />
    </section>
  );
}

function WalkRepairsLoaded({ walkId }: { walkId: string }) {
  const { Component, failed } = walkRepairs.useLoaded();
  if (Component) return <Component walkId={walkId} />;
  return failed ? (
    <p className="error" role="alert">
      The repairs could not be shown. Reload once you have a connection; they are saved on this device.
    </p>
  ) : (
    <p className="muted">Loading repairs…</p>
  );
}

/** A lot the office did not schedule (the customer called, or the technician is passing by):
 * any customer prepared on this device, started offline like a scheduled walk. */
function UnscheduledWalk({
  customers,
  busy,
  starting,
  onStart,
}: {
  customers: { id: string; name: string; favorite?: boolean }[];
  busy: boolean;
  starting: boolean;
  onStart: (customerId: string) => void;
}) {
  const [customerId, setCustomerId] = useState("");
  return (
    <form
      className="card"
      aria-labelledby="unscheduled-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (customerId) onStart(customerId);
      }}
    >
      <h3 id="unscheduled-title">Walk a lot without a schedule</h3>
      <label htmlFor="unscheduled-customer">Customer</label>
      <select id="unscheduled-customer" value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
        <option value="">Choose a customer…</option>
        {customers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.favorite ? `★ ${c.name}` : c.name}
          </option>
        ))}
      </select>
      {customers.some((c) => c.id === customerId) && (
        <FavoriteStar customer={customers.find((c) => c.id === customerId)!} />
      )}
      <button type="submit" disabled={!customerId || busy}>
        {starting ? "Getting location…" : "Start unscheduled walk"}
      </button>
    </form>
  );
}
