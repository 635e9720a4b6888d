"use client";
// On the lot: add a unit, capture its damages one by one, see every saved repair with its
// estimate (and, once synced, the server's decision), then end the walk. The unit being captured
// is a draft on the device: a reload brings it back, and leaving it with work in it asks first.
import { useEffect, useRef, useState } from "react";
import { type NewUnitFacts, normalizeUnitNumber } from "~/domain";
import { rsDb } from "~/client/store/db";
import {
  type LoadedDraft,
  createDraft,
  discardDraft,
  draftHasContent,
  draftsOfWalk,
  loadDraft,
} from "~/client/store/unit-drafts";
import { capturedOnUnit } from "~/client/store/walk-captures";
import { useLiveQuery } from "../_hooks/use-live-query";
import { DamageForm } from "./damage-form";
import { UnfinishedUnits } from "./unfinished-units";
import { UnitPicker } from "./unit-picker";
import { WalkRepairs } from "./walk-repairs";

type CurrentUnit = { unitNumber: string; jobId: string; draft: LoadedDraft };
type Saved = { text: string; unitNumber: string };

/** Which draft this tab was working on, so a reload (or the camera app's round trip) reopens it. */
const currentKey = (walkId: string) => `rs-walk-current-draft:${walkId}`;

export function WalkScreen({ walkId, onBack, onEnd }: { walkId: string; onBack: () => void; onEnd: () => void }) {
  const walk = useLiveQuery(() => rsDb().localWalks.get(walkId), `walk-${walkId}`);
  const customer = useLiveQuery(
    async () => (walk ? rsDb().snapshotCustomers.get(walk.customerId) : undefined),
    `customer-${walk?.customerId}`,
  );
  const [unit, setUnitState] = useState<CurrentUnit | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [leaving, setLeaving] = useState<{ then: () => void } | null>(null);
  const breaks = useLiveQuery(
    async () => (unit ? rsDb().localRepairs.where("jobId").equals(unit.jobId).count() : 0),
    `job-${unit?.jobId}`,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function setUnit(next: CurrentUnit | null) {
    setUnitState(next);
    if (next) sessionStorage.setItem(currentKey(walkId), next.draft.draft.id);
    else sessionStorage.removeItem(currentKey(walkId));
  }

  useEffect(() => {
    const id = sessionStorage.getItem(currentKey(walkId));
    void (id ? loadDraft(rsDb(), id) : Promise.resolve(undefined))
      .then((draft) => {
        if (draft) setUnitState({ unitNumber: draft.draft.unitNumber, jobId: draft.draft.jobId, draft });
      })
      .finally(() => setRestoring(false));
  }, [walkId]);

  if (walk === undefined || restoring) return <p className="muted">Loading the walk…</p>;
  if (!walk)
    return (
      <>
        <p className="error">This walk is not on this device.</p>
        <button type="button" className="secondary" onClick={onBack}>
          Back to walks
        </button>
      </>
    );
  const customerName = customer?.name ?? "the customer";

  async function pick(unitNumber: string, newUnit?: NewUnitFacts) {
    setSaved(null);
    setUnit(await openUnit(walkId, unitNumber, newUnit));
  }

  /** Leaves the current unit: at once when it holds nothing, else after the technician chooses. */
  async function leaveUnit(then: () => void) {
    const current = unit && (await loadDraft(rsDb(), unit.draft.draft.id));
    if (current && draftHasContent(current)) return setLeaving({ then });
    if (current) await discardDraft(rsDb(), current.draft.id);
    setUnit(null);
    then();
  }

  async function decide(choice: "keep" | "discard" | "cancel") {
    const then = leaving?.then;
    setLeaving(null);
    if (choice === "cancel" || !unit || !then) return;
    if (choice === "discard") await discardDraft(rsDb(), unit.draft.draft.id);
    setUnit(null);
    then();
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Walk at {customerName}
      </h1>
      {walk.status === "FINISHED" ? (
        <p className="notice">This walk is finished and signed.</p>
      ) : !unit ? (
        <>
          {saved && (
            <div className="saved-bar" role="status">
              <p className="saved">{saved.text}</p>
              <button type="button" className="secondary" onClick={() => void pick(saved.unitNumber)}>
                Another damage on {saved.unitNumber}
              </button>
            </div>
          )}
          <UnitPicker
            customerId={walk.customerId}
            walkId={walk.id}
            onPick={(n, facts) => void pick(n, facts)}
            autoFocus={!!saved}
          />
          <UnfinishedUnits walkId={walk.id} onContinue={(n) => void pick(n)} />
        </>
      ) : (
        <>
          <div className="row unit-head">
            <h2>Unit {unit.unitNumber}</h2>
            <button type="button" className="secondary" onClick={() => void leaveUnit(() => undefined)}>
              Next unit
            </button>
          </div>
          {leaving && <LeaveDialog unitNumber={unit.unitNumber} onChoose={(c) => void decide(c)} />}
          {breaks !== undefined && (
            <DamageForm
              key={`${unit.draft.draft.id}-${breaks}`}
              walk={walk}
              unitNumber={unit.unitNumber}
              jobId={unit.jobId}
              breakIndex={breaks}
              draft={unit.draft}
              onSaved={() => {
                setSaved({
                  text: `Repair ${breaks + 1} on unit ${unit.unitNumber} saved on this device.`,
                  unitNumber: unit.unitNumber,
                });
                setUnit(null);
              }}
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
          <button type="button" onClick={() => void leaveUnit(onEnd)}>
            End walk
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void leaveUnit(onBack)}>
          Back to walks
        </button>
      </div>
    </>
  );
}

function LeaveDialog({
  unitNumber,
  onChoose,
}: {
  unitNumber: string;
  onChoose: (choice: "keep" | "discard" | "cancel") => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="card notice" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-text">
      <h3 id="leave-title">Unit {unitNumber} is not saved</h3>
      <p id="leave-text">Keep it as a draft to finish later on this walk, or discard what was entered.</p>
      <div className="row">
        <button ref={first} type="button" onClick={() => onChoose("keep")}>
          Keep as draft
        </button>
        <button type="button" className="danger" onClick={() => onChoose("discard")}>
          Discard draft
        </button>
        <button type="button" className="secondary" onClick={() => onChoose("cancel")}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The unit's kept draft if there is one; else a new draft, continuing the unit's job when it
 * was captured earlier on this walk (its next damage is the next break, priced at the next
 * ordinal, not a second job priced again as a first repair). */
async function openUnit(walkId: string, unitNumber: string, newUnit?: NewUnitFacts): Promise<CurrentUnit> {
  const db = rsDb();
  const key = normalizeUnitNumber(unitNumber);
  const kept = (await draftsOfWalk(db, walkId)).find((d) => normalizeUnitNumber(d.draft.unitNumber) === key);
  if (kept) return { unitNumber: kept.draft.unitNumber, jobId: kept.draft.jobId, draft: kept };
  const [earlier] = await capturedOnUnit(db, walkId, unitNumber);
  const place = earlier
    ? { walkId, unitNumber: earlier.unitNumber, jobId: earlier.jobId }
    : { walkId, unitNumber, jobId: crypto.randomUUID(), ...(newUnit ? { newUnit } : {}) };
  const draft = await createDraft(db, place);
  return { unitNumber: place.unitNumber, jobId: place.jobId, draft: { draft, files: [] } };
}
