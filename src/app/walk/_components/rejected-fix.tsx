"use client";
// The form that fixes a refused repair before it is sent again: its unit number and damage type,
// and for a find fixed on the spot, the completion checklist's items (CHECKLIST_INCOMPLETE).
// Opened by a tap on Fix, so its code (the field rules, the damage vocabulary) and the database's
// are not in /walk's first load.
import { useState } from "react";
import { spotChecklist } from "~/client/store/capture-repair";
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
  const onSpot = repair?.payload.completedOnSpot;
  const required =
    useLiveQuery(
      async () =>
        onSpot && repair
          ? spotChecklist(rsDb(), repair.customerId, repair.payload.templateId, repair.payload.damageType)
          : [],
      `spot-fix-${item.recordId}-${onSpot ? 1 : 0}`,
    ) ?? [];
  const ticked = new Set((fix.spotChecklist ?? onSpot?.checklist ?? []).map((c) => c.item));
  function tick(item: string, on: boolean) {
    const before = (fix.spotChecklist ?? onSpot?.checklist ?? []).map((c) => ({
      item: c.item,
      confirmedAt: c.confirmedAt ?? new Date(),
    }));
    const others = before.filter((c) => c.item !== item);
    setFix({ ...fix, spotChecklist: on ? [...others, { item, confirmedAt: new Date() }] : others });
  }
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
      {required.length > 0 && (
        <fieldset className="work-checklist">
          <legend>Completion checklist</legend>
          {required.map((label) => (
            <label key={label} className="check">
              <input type="checkbox" checked={ticked.has(label)} onChange={(e) => tick(label, e.target.checked)} />
              {label}
            </label>
          ))}
        </fieldset>
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
