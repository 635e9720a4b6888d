"use client";
// The repairs of one walk, grouped by unit in the order they were captured.
import { rsDb } from "~/client/store/db";
import { walkRepairs } from "~/client/store/walk-summary";
import { useLiveQuery } from "../_hooks/use-live-query";
import { RepairCard } from "./repair-card";

export function WalkRepairs({ walkId }: { walkId: string }) {
  const data = useLiveQuery(async () => {
    const repairs = await walkRepairs(rsDb(), walkId);
    const files = await rsDb()
      .blobs.where("ownerId")
      .anyOf(repairs.map((r) => r.id))
      .toArray();
    const walk = await rsDb().localWalks.get(walkId);
    return { repairs, files, inProgress: walk?.status === "IN_PROGRESS" };
  }, `walk-repairs-${walkId}`);
  if (!data) return <p className="muted">Loading repairs…</p>;
  if (data.repairs.length === 0) return <p className="empty">No repairs captured on this walk yet.</p>;
  const units = [...new Set(data.repairs.map((r) => r.unitNumber))];
  return (
    <ul className="plain units" aria-label="Captured units">
      {units.map((unitNumber) => (
        <li key={unitNumber}>
          <h3>Unit {unitNumber}</h3>
          {data.repairs
            .filter((r) => r.unitNumber === unitNumber)
            .map((r) => (
              <RepairCard
                key={r.id}
                repair={r}
                files={data.files.filter((f) => f.ownerId === r.id)}
                editable={data.inProgress}
              />
            ))}
        </li>
      ))}
    </ul>
  );
}
