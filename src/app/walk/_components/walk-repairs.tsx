"use client";
// The repairs of one walk, grouped by unit, the units captured last first. Only the latest units
// are read and drawn (more on request), so a save on a 100-unit walk redraws a few cards, not 100.
import { useState } from "react";
import { rsDb } from "~/client/store/db";
import { recentCaptures } from "~/client/store/walk-captures";
import { useLiveQuery } from "../_hooks/use-live-query";
import { RepairCard } from "./repair-card";

/** A phone screen's worth: the units just captured are the ones a technician looks back at. */
const PAGE = 5;

export function WalkRepairs({ walkId }: { walkId: string }) {
  const [shown, setShown] = useState(PAGE);
  const data = useLiveQuery(async () => {
    const [captures, walk] = await Promise.all([recentCaptures(rsDb(), walkId, shown), rsDb().localWalks.get(walkId)]);
    return { ...captures, inProgress: walk?.status === "IN_PROGRESS" };
  }, `walk-repairs-${walkId}-${shown}`);
  if (!data) return <p className="muted">Loading repairs…</p>;
  if (data.totalRepairs === 0) return <p className="empty">No repairs captured on this walk yet.</p>;
  const hidden = data.totalUnits - data.units.length;
  return (
    <>
      <p className="muted">
        {data.totalUnits} unit{data.totalUnits === 1 ? "" : "s"}, {data.totalRepairs} repair
        {data.totalRepairs === 1 ? "" : "s"} · latest first
      </p>
      <ul className="plain units" aria-label="Captured units">
        {data.units.map((unit) => (
          <li key={unit.unitNumber}>
            <h3>Unit {unit.unitNumber}</h3>
            {unit.repairs.map((r) => (
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
      {hidden > 0 && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, hidden)} more of {hidden} earlier unit{hidden === 1 ? "" : "s"}
        </button>
      )}
    </>
  );
}
