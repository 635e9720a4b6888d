"use client";
// On the lot: add a unit, capture its damages one by one, see every saved repair with its
// estimate (and, once synced, the server's decision), then end the walk.
import { useEffect, useRef, useState } from "react";
import { normalizeUnitNumber } from "~/domain";
import { rsDb } from "~/client/store/db";
import { useLiveQuery } from "../_hooks/use-live-query";
import { DamageForm } from "./damage-form";
import { UnitPicker } from "./unit-picker";
import { WalkRepairs } from "./walk-repairs";

type CurrentUnit = { unitNumber: string; jobId: string };

export function WalkScreen({ walkId, onBack, onEnd }: { walkId: string; onBack: () => void; onEnd: () => void }) {
  const walk = useLiveQuery(() => rsDb().localWalks.get(walkId), `walk-${walkId}`);
  const customer = useLiveQuery(
    async () => (walk ? rsDb().snapshotCustomers.get(walk.customerId) : undefined),
    `customer-${walk?.customerId}`,
  );
  const [unit, setUnit] = useState<CurrentUnit | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const breaks = useLiveQuery(
    async () => (unit ? rsDb().localRepairs.where("jobId").equals(unit.jobId).count() : 0),
    `job-${unit?.jobId}`,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  if (walk === undefined) return <p className="muted">Loading the walk…</p>;
  if (!walk) return <p className="error">This walk is not on this device.</p>;
  const customerName = customer?.name ?? "the customer";

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Walk at {customerName}
      </h1>
      {walk.status === "FINISHED" ? (
        <p className="notice">This walk is finished and signed.</p>
      ) : !unit ? (
        <UnitPicker
          customerId={walk.customerId}
          walkId={walk.id}
          onPick={(unitNumber) => {
            setSaved(null);
            void openUnit(walk.id, unitNumber).then(setUnit);
          }}
        />
      ) : (
        <>
          <div className="row unit-head">
            <h2>Unit {unit.unitNumber}</h2>
            <button type="button" className="secondary" onClick={() => setUnit(null)}>
              Next unit
            </button>
          </div>
          {saved && (
            <p role="status" className="saved">
              {saved}
            </p>
          )}
          {breaks !== undefined && (
            <DamageForm
              key={`${unit.jobId}-${breaks}`}
              walk={walk}
              unitNumber={unit.unitNumber}
              jobId={unit.jobId}
              breakIndex={breaks}
              onSaved={() =>
                setSaved(
                  `Repair ${breaks + 1} on unit ${unit.unitNumber} saved on this device. Add another damage or go to the next unit.`,
                )
              }
            />
          )}
        </>
      )}
      <section aria-labelledby="captured-title">
        <h2 id="captured-title">Captured on this walk</h2>
        <WalkRepairs walkId={walk.id} />
      </section>
      <div className="actions">
        {walk.status === "IN_PROGRESS" && (
          <button type="button" onClick={onEnd}>
            End walk
          </button>
        )}
        <button type="button" className="secondary" onClick={onBack}>
          Back to walks
        </button>
      </div>
    </>
  );
}

/** A unit already captured on this walk reopens its job: the next damage is its next break, priced
 * at the next ordinal, instead of a second job that would price again as a first repair. */
async function openUnit(walkId: string, unitNumber: string): Promise<CurrentUnit> {
  const key = normalizeUnitNumber(unitNumber);
  const onThisWalk = await rsDb().localRepairs.where("walkId").equals(walkId).toArray();
  const earlier = onThisWalk.find((r) => r.sync !== "rejected" && normalizeUnitNumber(r.unitNumber) === key);
  return earlier
    ? { unitNumber: earlier.unitNumber, jobId: earlier.jobId }
    : { unitNumber, jobId: crypto.randomUUID() };
}
