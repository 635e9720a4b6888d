"use client";
// The form that fixes a refused repair before it is sent again: its unit number and damage type.
// Opened by a tap on Fix, so its code (the field rules, the damage vocabulary) and the database's
// are not in /walk's first load.
import { useState } from "react";
import { rsDb } from "~/client/store/db";
import type { RejectedItem } from "~/client/store/queue-stats";
import { type RepairFix, fixRejected } from "~/client/store/resolve-rejected";
import { type DamageTypeName, FIELDS } from "~/domain";
import { useLiveQuery } from "../_hooks/use-live-query";
import { DamageTypeOptions } from "./damage-type-options";

export function RejectedRepairFix({
  item,
  error,
  act,
  onCancel,
}: {
  item: RejectedItem;
  error: string | null;
  act: (action: () => Promise<void>) => Promise<void>;
  onCancel: () => void;
}) {
  const repair = useLiveQuery(() => rsDb().localRepairs.get(item.recordId), `repair-${item.recordId}`);
  const [fix, setFix] = useState<RepairFix>({});
  return (
    <>
      {repair && (
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
        <button type="button" onClick={() => void act(() => fixRejected(rsDb(), item.outboxId, fix))}>
          Send again
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
