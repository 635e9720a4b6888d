"use client";
// "Prepare for offline": fetch this technician's walks, customers' price lists and units while
// online and keep them on the device; show what is stored and how old it is.
import { useState } from "react";
import { EMPTY_OFFLINE_DATA, HOME_VIEWS } from "~/client/store/home-views";
import { requestPersistentStorage } from "~/client/sync/storage";
import { SessionExpired } from "~/client/sync/errors";
import { loadDeviceStore } from "../_lib/lazy-device-store";
import { useDeviceQuery } from "../_hooks/use-device-query";
import { useNow } from "../_hooks/use-now";
import { useOnline } from "../_hooks/use-online";
import { ageText } from "./format";

export function PreparePanel() {
  const stored = useDeviceQuery((store) => store.offlineData(), "offline-data", {
    remember: HOME_VIEWS.offlineData,
    empty: EMPTY_OFFLINE_DATA,
  });
  const online = useOnline();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function prepare() {
    setBusy(true);
    setMessage(null);
    try {
      // Ask before filling the device: persistent storage is not evicted under pressure.
      const persisted = await requestPersistentStorage();
      // The tRPC client loads with the sync engine, after the first screen (lazy-device-sync.ts).
      const [{ trpcSyncTransport }, store] = await Promise.all([
        import("~/client/sync/trpc-transport"),
        loadDeviceStore(),
      ]);
      await store.storePrepared(await trpcSyncTransport().prepare());
      setMessage({
        error: false,
        text: persisted
          ? "Ready for offline."
          : "Ready for offline. (The browser did not promise to keep the data: sync often.)",
      });
    } catch (error) {
      setMessage({
        error: true,
        text: error instanceof SessionExpired ? error.message : `Could not prepare: ${(error as Error).message}`,
      });
    } finally {
      setBusy(false);
    }
  }

  const loaded = stored !== undefined;
  return (
    <section aria-labelledby="prepare-title" className="card">
      <h2 id="prepare-title">Offline data</h2>
      {/* Nothing under the heading until the store is read: the button appears once, in its place. */}
      {!loaded ? null : (
        <>
          {!stored && <p className="empty">Nothing is stored yet. Prepare for offline before you walk a lot.</p>}
          {stored && (
            <dl aria-label="Stored on this device" className="facts">
              <div>
                <dt>Walks</dt>
                <dd>{stored.walks}</dd>
              </div>
              <div>
                <dt>Customers</dt>
                <dd>{stored.customers}</dd>
              </div>
              <div>
                <dt>Units</dt>
                <dd>{stored.units}</dd>
              </div>
              <div>
                <dt>Price list version</dt>
                <dd>{stored.priceListVersions.length ? stored.priceListVersions.join(", ") : "—"}</dd>
              </div>
              <div>
                <dt>Prepared</dt>
                <dd>
                  <time dateTime={stored.preparedAt.toISOString()}>{ageText(stored.preparedAt, now)}</time>
                </dd>
              </div>
            </dl>
          )}
          <button type="button" onClick={() => void prepare()} disabled={!online || busy}>
            {busy ? "Preparing…" : "Prepare for offline"}
          </button>
          {!online && <p className="muted">Connect to prepare; what is stored stays usable offline.</p>}
          {message && (
            <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "muted"}>
              {message.text}
            </p>
          )}
        </>
      )}
    </section>
  );
}
