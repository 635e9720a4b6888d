"use client";
// One repair of My work: what the card knows (unit, customer, site, damage, photos, price,
// approval, notes), and the work itself: start, damage and after photos (each after photo taken
// beside its damage photo, as a before/after pair), the customer's completion checklist where it
// requires one, complete. Each action
// is saved on the device and queued; the server's refusal shows here until sent again or
// discarded. Opened over the current screen (home or a walk), so every action is two taps from
// the repair's card.
import { type ChangeEvent, useEffect, useState } from "react";
import { UNREADABLE_PHOTO, preparePhoto } from "~/client/capture/photo";
import { rsDb } from "~/client/store/db";
import {
  WorkRefused,
  addWorkPhoto,
  completeWork,
  markWorkUrgent,
  pairsRequired,
  queueWorkFollowUp,
  queueWorkParts,
  startWork,
  tickWorkItem,
  uncheckedItems,
  workChanges,
  workStatus,
} from "~/client/store/my-work";
import { snapshotInfo } from "~/client/store/prepared-snapshot";
import { discardRejected, fixRejected, reopenForPairs } from "~/client/store/resolve-rejected";
import type { PhotoStage } from "~/client/sync/contract";
import { damageLabel, dateText, formatCents, photoPairProblem, photoPairsOf } from "~/domain";
import { kickSync } from "../_lib/lazy-device-sync";
import { useLiveQuery } from "../_hooks/use-live-query";
import { QuickActions } from "./quick-actions";
import { RepairThread } from "./repair-thread";

const CHANGE_TEXT = {
  "repair.start": "Start",
  "repair.complete": "Completion",
  "repair.addPhoto": "Photo",
  "repair.markUrgent": "Urgent mark",
  "repair.followUp": "Follow-up",
  "repair.requestParts": "Parts request",
} as const;

const STATUS_TEXT = { APPROVED: "Approved", ASSIGNED: "Assigned", IN_PROGRESS: "In progress", COMPLETED: "Completed" };

type Shown = { id: string; stage: string | null; url: string | null };

/** The refusal of a completion that lacked its before/after pairs: fixed by taking them. */
const PAIR_REFUSAL = "PHOTO_PAIR_REQUIRED";

async function loadRepair(repairId: string) {
  const db = rsDb();
  return db.transaction(
    "r",
    [db.workRepairs, db.workPhotos, db.outbox, db.blobs, db.blobContent, db.meta],
    async () => {
      const [row, info] = await Promise.all([db.workRepairs.get(repairId), snapshotInfo(db)]);
      if (!row) return null;
      const held = await db.workPhotos.where("repairId").equals(repairId).toArray();
      const local = await db.blobs.bulkGet(row.device.photoIds);
      const content = await db.blobContent.bulkGet(row.device.photoIds);
      return {
        row,
        technicianId: info?.technician.id ?? null,
        pairsRequired: await pairsRequired(db),
        changes: await workChanges(db, repairId),
        serverPhotos: row.photos.map((p) => ({ ...p, blob: held.find((h) => h.id === p.id)?.blob ?? null })),
        localPhotos: row.device.photoIds.map((id, i) => ({
          id,
          stage: local[i]?.stage ?? null,
          pairedWithId: local[i]?.pairedWithId ?? null,
          blob: content[i]?.blob ?? null,
        })),
      };
    },
  );
}

export function WorkScreen({ repairId, onClose }: { repairId: string; onClose: () => void }) {
  const data = useLiveQuery(() => loadRepair(repairId), `work-${repairId}`);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown[]>([]);

  const photos = data ? [...data.serverPhotos, ...data.localPhotos] : [];
  const photoKey = photos.map((p) => `${p.id}:${p.blob ? 1 : 0}`).join(",");
  useEffect(() => {
    const made = photos.map((p) => ({ id: p.id, stage: p.stage, url: p.blob ? URL.createObjectURL(p.blob) : null }));
    setShown(made);
    return () => made.forEach((p) => p.url && URL.revokeObjectURL(p.url));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-made only when the photos change
  }, [photoKey]);

  async function act(action: () => Promise<unknown>, sync = true) {
    setProblem(null);
    setBusy(true);
    try {
      await action();
      if (sync) kickSync();
    } catch (error) {
      setProblem(error instanceof WorkRefused ? error.message : `Not saved: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  /** `pairedWithId`: the damage photo an after photo shows repaired. */
  async function addPhoto(event: ChangeEvent<HTMLInputElement>, stage: PhotoStage, pairedWithId?: string) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    await act(async () => {
      const prepared = await preparePhoto(file).catch(() => ({ ok: false as const, problem: UNREADABLE_PHOTO }));
      if (!prepared.ok) throw new WorkRefused(prepared.problem.message);
      await addWorkPhoto(rsDb(), repairId, { ...prepared.file, stage, ...(pairedWithId ? { pairedWithId } : {}) });
    });
  }

  /** A quick action saved on the device (offline): sent with the next sync. */
  async function queueAndSync(write: () => Promise<unknown>) {
    await write();
    kickSync();
  }

  if (data === undefined) return null;
  if (data === null)
    return (
      <section className="work-sheet" role="dialog" aria-modal="true" aria-label="Repair">
        <p>This repair is no longer in My work.</p>
        <button type="button" onClick={onClose}>
          Back
        </button>
      </section>
    );
  const { row, changes } = data;
  const status = workStatus(row);
  const urgent = row.device.urgent ?? row.urgent;
  const price = row.device.frozenPriceCents ?? row.estimateCents;
  const canStart = status === "APPROVED" || status === "ASSIGNED";
  const hasAfter = photos.some((p) => p.stage === "AFTER");
  const unchecked = uncheckedItems(row);
  const pairable = photos.map((p) => ({ id: p.id, stage: p.stage, pairedWithId: p.pairedWithId ?? null }));
  const pairs = photoPairsOf(pairable);
  const pairProblem = photoPairProblem(pairable, data.pairsRequired);
  const urlOf = new Map(shown.map((p) => [p.id, p.url]));
  const damageText = `${damageLabel(row.damageType)}${row.damagePosition ? `, ${row.damagePosition}` : ""}`;
  const ticked = new Set((row.device.checked ?? []).map((c) => c.item));
  return (
    <section className="work-sheet" role="dialog" aria-modal="true" aria-labelledby="work-title">
      <div className="row">
        <button type="button" className="secondary" onClick={onClose}>
          Back
        </button>
        <h2 id="work-title">Unit {row.unitNumber}</h2>
      </div>
      <p role="status" className="work-status">
        {urgent && (
          <>
            <strong className="badge urgent">Urgent</strong>{" "}
          </>
        )}
        {STATUS_TEXT[status]}
        {row.device.frozenPriceCents !== undefined && ` at ${formatCents(row.device.frozenPriceCents)}`}
      </p>
      <dl className="facts">
        <dt>Customer</dt>
        <dd>
          {row.customerName}
          {row.siteAddress && ` · ${row.siteAddress}`}
        </dd>
        {(row.make || row.model) && (
          <>
            <dt>Vehicle</dt>
            <dd>{[row.make, row.model].filter(Boolean).join(" ")}</dd>
          </>
        )}
        <dt>Damage</dt>
        <dd>
          {damageLabel(row.damageType)}
          {row.damagePosition && ` · ${row.damagePosition}`}
        </dd>
        <dt>{row.device.frozenPriceCents !== undefined ? "Price" : "Estimate"}</dt>
        <dd>{price === null ? "Priced by the server" : formatCents(price)}</dd>
        <dt>Approval</dt>
        <dd>
          {row.origin === "CUSTOMER_REQUEST"
            ? "Customer's request"
            : row.approvalKind
              ? `${row.approvalKind === "AUTO" ? "Auto-approved" : "Approved"}${row.approvedAt ? ` ${dateText(row.approvedAt)}` : ""}`
              : "Approved"}
        </dd>
        {row.customerNotes && (
          <>
            <dt>Customer notes</dt>
            <dd>{row.customerNotes}</dd>
          </>
        )}
        {row.technicianNotes && (
          <>
            <dt>Technician notes</dt>
            <dd>{row.technicianNotes}</dd>
          </>
        )}
      </dl>

      {changes
        .filter((c) => c.state === "failed")
        .map((c) => (
          <div key={c.id} className="rejected" role="alert">
            <p>
              <strong>{CHANGE_TEXT[c.type as keyof typeof CHANGE_TEXT] ?? "Change"} refused:</strong>{" "}
              {c.lastError?.message ?? c.lastError?.code}
            </p>
            {c.lastError?.code === PAIR_REFUSAL && (
              <p>Take the after photos: the completion is undone on this device, its photos are kept.</p>
            )}
            <div className="actions">
              {c.lastError?.code === PAIR_REFUSAL ? (
                <button type="button" onClick={() => void act(() => reopenForPairs(rsDb(), c.id), false)}>
                  Take the after photos
                </button>
              ) : (
                <button type="button" className="secondary" onClick={() => void act(() => fixRejected(rsDb(), c.id))}>
                  Send again
                </button>
              )}
              <button
                type="button"
                className="secondary danger"
                onClick={() => void act(() => discardRejected(rsDb(), c.id))}
              >
                Discard
              </button>
            </div>
          </div>
        ))}
      {changes.some((c) => c.state !== "failed") && <p className="muted">Saved on this device, waiting to sync.</p>}

      <h3>Photos</h3>
      {shown.length === 0 ? (
        <p className="muted">No photos yet.</p>
      ) : (
        <ul className="thumbs plain">
          {shown.map((p, i) => (
            <li key={p.id}>
              {p.url ? (
                // eslint-disable-next-line @next/next/no-img-element -- a local object URL: next/image cannot optimise it
                <img
                  src={p.url}
                  alt={`${p.stage === "AFTER" ? "After" : "Damage"} photo ${i + 1}`}
                  width={96}
                  height={72}
                />
              ) : (
                <span className="muted">Not on this device</span>
              )}
              <span className="muted">{p.stage === "AFTER" ? "After" : "Damage"}</span>
            </li>
          ))}
        </ul>
      )}

      {pairs.length > 0 && (
        <section aria-labelledby="pairs-title" className="work-pairs">
          <h3 id="pairs-title">Before/after pairs</h3>
          <p className="muted">
            {data.pairsRequired
              ? "Each damage photo needs its after photo, taken from the same angle, to complete the repair."
              : "Take each after photo beside its damage photo, from the same angle."}
          </p>
          <ul className="plain">
            {pairs.map(({ before, after }, i) => {
              const name = `damage photo ${i + 1} (${damageText})`;
              const beforeUrl = urlOf.get(before.id);
              const afterUrl = after ? urlOf.get(after.id) : null;
              return (
                <li key={before.id} className="row">
                  <figure>
                    {beforeUrl ? (
                      // eslint-disable-next-line @next/next/no-img-element -- a local object URL: next/image cannot optimise it
                      <img src={beforeUrl} alt={`Before: ${name}`} width={120} height={90} />
                    ) : (
                      <span className="muted">Not on this device</span>
                    )}
                    <figcaption>Before: {name}</figcaption>
                  </figure>
                  <figure>
                    {after ? (
                      afterUrl ? (
                        // eslint-disable-next-line @next/next/no-img-element -- a local object URL: next/image cannot optimise it
                        <img src={afterUrl} alt={`After: ${name}`} width={120} height={90} />
                      ) : (
                        <span className="muted">Not on this device</span>
                      )
                    ) : status === "COMPLETED" ? (
                      <span className="muted">No after photo</span>
                    ) : (
                      <label className="button file-button">
                        Take the after photo of {name}
                        <input
                          type="file"
                          accept="image/*"
                          capture="environment"
                          className="visually-hidden"
                          disabled={busy}
                          onChange={(e) => void addPhoto(e, "AFTER", before.id)}
                        />
                      </label>
                    )}
                    <figcaption>{after ? `After: ${name}` : "After"}</figcaption>
                  </figure>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {row.completionChecklist.length > 0 && (status === "IN_PROGRESS" || status === "COMPLETED") && (
        <fieldset className="work-checklist">
          <legend>Completion checklist</legend>
          {row.completionChecklist.map((item) => (
            <label key={item} className="check">
              <input
                type="checkbox"
                checked={ticked.has(item)}
                disabled={busy || status !== "IN_PROGRESS"}
                onChange={(e) => void act(() => tickWorkItem(rsDb(), repairId, item, e.target.checked), false)}
              />
              {item}
            </label>
          ))}
        </fieldset>
      )}

      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="actions">
        {canStart && (
          <button type="button" disabled={busy} onClick={() => void act(() => startWork(rsDb(), repairId))}>
            Start repair
          </button>
        )}
        {status !== "COMPLETED" && (
          <>
            <label className="button secondary file-button">
              Add damage photo
              <input
                type="file"
                accept="image/*"
                capture="environment"
                className="visually-hidden"
                disabled={busy}
                onChange={(e) => void addPhoto(e, "DAMAGE")}
              />
            </label>
            {!(data.pairsRequired && pairs.length > 0) && (
              <label className="button secondary file-button">
                Add after photo
                <input
                  type="file"
                  accept="image/*"
                  capture="environment"
                  className="visually-hidden"
                  disabled={busy}
                  onChange={(e) => void addPhoto(e, "AFTER")}
                />
              </label>
            )}
          </>
        )}
        {status === "IN_PROGRESS" && (
          <button
            type="button"
            disabled={busy || !hasAfter || unchecked.length > 0 || pairProblem !== null}
            onClick={() => void act(() => completeWork(rsDb(), repairId))}
          >
            Complete repair
          </button>
        )}
      </div>
      {status === "IN_PROGRESS" && !hasAfter && !pairProblem && (
        <p className="muted">Take an after photo to complete the repair.</p>
      )}
      {status === "IN_PROGRESS" && pairProblem && <p className="muted">{pairProblem}</p>}
      {status === "IN_PROGRESS" && unchecked.length > 0 && (
        <p className="muted">Confirm every checklist item to complete the repair.</p>
      )}
      <QuickActions
        repair={{
          id: row.id,
          status,
          customerId: row.customerId,
          technicianId: data.technicianId,
          urgent,
        }}
        queue={{
          markUrgent: (on) => queueAndSync(() => markWorkUrgent(rsDb(), repairId, on)),
          followUp: (dueAt, note) => queueAndSync(() => queueWorkFollowUp(rsDb(), repairId, dueAt, note)),
          requestParts: (draft) => queueAndSync(() => queueWorkParts(rsDb(), repairId, draft)),
          partsQueued: row.device.partsQueued ?? [],
        }}
      />
      <RepairThread repairId={repairId} />
    </section>
  );
}
