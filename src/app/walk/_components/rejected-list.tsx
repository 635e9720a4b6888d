"use client";
// Changes the server refused, each with its reason: fix and send again, or discard for good.
import { useEffect, useState } from "react";
import type { QueueView } from "~/client/store/home-views";
import type { RejectedItem } from "~/client/store/queue-stats";
import { lazyComponent } from "../_lib/lazy-component";
import { type DeviceStore, loadDeviceStore } from "../_lib/lazy-device-store";
import { kickSync } from "../_lib/lazy-device-sync";
import { whenIdle } from "../_lib/when-idle";

const WHAT: Record<RejectedItem["type"], string> = {
  "walk.start": "Walk start",
  "repair.capture": "Repair",
  "walk.finish": "Walk end and signature",
  "repair.start": "Start of a repair in My work",
  "repair.complete": "Completion of a repair in My work",
  "repair.addPhoto": "Photo of a repair in My work",
  "repair.markUrgent": "Urgent mark of a repair in My work",
  "repair.followUp": "Follow-up of a repair in My work",
  "repair.requestParts": "Parts request of a repair in My work",
};

const repairFix = lazyComponent(() =>
  loadDeviceStore()
    .then((store) => store.rejectedFixModule())
    .then((m) => m.RejectedRepairFix),
);

export function RejectedList({ queue }: { queue: QueueView | undefined }) {
  const refused = Boolean(queue?.rejected.length);
  // With something refused, the fix form's code is fetched ahead of a tap on Fix.
  useEffect(() => (refused ? whenIdle(() => void repairFix.preload()) : undefined), [refused]);
  if (!queue?.rejected.length) return null;
  return (
    <section aria-labelledby="rejected-title" className="card">
      <h2 id="rejected-title">Refused by the server</h2>
      <ul className="plain">
        {queue.rejected.map((item) => (
          <RejectedRow key={item.outboxId} item={item} unitNumber={queue.unitNumbers[item.recordId]} />
        ))}
      </ul>
    </section>
  );
}

function RejectedRow({ item, unitNumber }: { item: RejectedItem; unitNumber: string | undefined }) {
  const [mode, setMode] = useState<"view" | "fix" | "discard">("view");
  const [error, setError] = useState<string | null>(null);
  const act = async (action: (store: DeviceStore) => Promise<void>) => {
    setError(null);
    try {
      await action(await loadDeviceStore());
      kickSync();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const title = `${WHAT[item.type]}${unitNumber ? ` on unit ${unitNumber}` : ""}`;
  return (
    <li className="rejected">
      <p>
        <strong>{title}</strong>: {item.message} <span className="badge">{item.code}</span>
      </p>
      {mode === "fix" ? (
        <RepairFixLoaded item={item} error={error} act={(action) => act(action)} onCancel={() => setMode("view")} />
      ) : (
        error && <p className="error">{error}</p>
      )}
      {mode !== "fix" && (
        <div className="actions">
          {mode === "view" && (
            <>
              {/* Nothing on the device can fix a refused walk: its captures can only be discarded. */}
              {item.code !== "WALK_REFUSED" && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    item.type === "repair.capture"
                      ? setMode("fix")
                      : void act((store) => store.sendRefusedAgain(item.outboxId))
                  }
                >
                  Fix
                </button>
              )}
              <button type="button" className="secondary danger" onClick={() => setMode("discard")}>
                Discard
              </button>
            </>
          )}
          {mode === "discard" && (
            <>
              <button
                type="button"
                className="danger"
                onClick={() => void act((store) => store.discardRefused(item.outboxId))}
              >
                Yes, discard it
              </button>
              <button type="button" className="secondary" onClick={() => setMode("view")}>
                Keep it
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function RepairFixLoaded(props: {
  item: RejectedItem;
  error: string | null;
  act: (action: () => Promise<void>) => Promise<void>;
  onCancel: () => void;
}) {
  const { Component, failed } = repairFix.useLoaded();
  if (Component) return <Component {...props} />;
  return failed ? (
    <p className="error" role="alert">
      The form could not be loaded. Reload once you have a connection; the repair is saved on this device.
    </p>
  ) : (
    <p className="muted" role="status">
      Opening…
    </p>
  );
}
