"use client";
// Changes the server refused, each with its reason: fix and send again, or discard for good.
import { useState } from "react";
import { rsDb } from "~/client/store/db";
import { type DamageTypeName, FIELDS } from "~/domain";
import type { QueueStats, RejectedItem } from "~/client/store/queue-stats";
import { type RepairFix, discardRejected, fixRejected } from "~/client/store/resolve-rejected";
import { kickSync } from "../_lib/lazy-device-sync";
import { useLiveQuery } from "../_hooks/use-live-query";
import { DamageTypeOptions } from "./damage-type-options";

const WHAT: Record<RejectedItem["type"], string> = {
  "walk.start": "Walk start",
  "repair.capture": "Repair",
  "walk.finish": "Walk end and signature",
  "repair.start": "Start of a repair in My work",
  "repair.complete": "Completion of a repair in My work",
  "repair.addPhoto": "Photo of a repair in My work",
};

export function RejectedList({ stats }: { stats: QueueStats | undefined }) {
  if (!stats?.rejected.length) return null;
  return (
    <section aria-labelledby="rejected-title" className="card">
      <h2 id="rejected-title">Refused by the server</h2>
      <ul className="plain">
        {stats.rejected.map((item) => (
          <RejectedRow key={item.outboxId} item={item} />
        ))}
      </ul>
    </section>
  );
}

function RejectedRow({ item }: { item: RejectedItem }) {
  const [mode, setMode] = useState<"view" | "fix" | "discard">("view");
  const [error, setError] = useState<string | null>(null);
  const repair = useLiveQuery(() => rsDb().localRepairs.get(item.recordId), `repair-${item.recordId}`);
  const [fix, setFix] = useState<RepairFix>({});
  const act = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      kickSync();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const title = `${WHAT[item.type]}${repair ? ` on unit ${repair.unitNumber}` : ""}`;
  return (
    <li className="rejected">
      <p>
        <strong>{title}</strong>: {item.message} <span className="badge">{item.code}</span>
      </p>
      {mode === "fix" && item.type === "repair.capture" && repair && (
        <div className="row">
          <label>
            {FIELDS.unitNumber.label}
            <input
              defaultValue={repair.unitNumber}
              maxLength={FIELDS.unitNumber.maxLength}
              onChange={(e) => setFix({ ...fix, unitNumber: e.target.value })}
            />
          </label>
          <label>
            Damage type
            <select
              defaultValue={repair.payload.damageType}
              onChange={(e) => setFix({ ...fix, damageType: e.target.value as DamageTypeName })}
            >
              <DamageTypeOptions />
            </select>
          </label>
        </div>
      )}
      {error && <p className="error">{error}</p>}
      <div className="actions">
        {mode === "view" && (
          <>
            {/* Nothing on the device can fix a refused walk: its captures can only be discarded. */}
            {item.code !== "WALK_REFUSED" && (
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  item.type === "repair.capture" ? setMode("fix") : void act(() => fixRejected(rsDb(), item.outboxId))
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
        {mode === "fix" && (
          <>
            <button type="button" onClick={() => void act(() => fixRejected(rsDb(), item.outboxId, fix))}>
              Send again
            </button>
            <button type="button" className="secondary" onClick={() => setMode("view")}>
              Cancel
            </button>
          </>
        )}
        {mode === "discard" && (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => void act(() => discardRejected(rsDb(), item.outboxId))}
            >
              Yes, discard it
            </button>
            <button type="button" className="secondary" onClick={() => setMode("view")}>
              Keep it
            </button>
          </>
        )}
      </div>
    </li>
  );
}
