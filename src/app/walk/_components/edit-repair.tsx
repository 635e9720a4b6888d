"use client";
// Corrects a saved repair's description before it syncs, or deletes a repair saved by mistake
// (src/client/store/edit-queued-repair.ts and remove-queued-repair.ts say when). Price and
// approval do not depend on the fields edited here.
import { type FormEvent, useState } from "react";
import { rsDb } from "~/client/store/db";
import { type DamageTypeName, FIELDS } from "~/domain";
import { editQueuedRepair, editRefusal } from "~/client/store/edit-queued-repair";
import { removalRefusal, removeQueuedRepair } from "~/client/store/remove-queued-repair";
import type { LocalRepair } from "~/client/store/db";
import { DamageTypeOptions } from "./damage-type-options";

export function EditRepair({ repair, label }: { repair: LocalRepair; label: string }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);
  const p = repair.payload;
  const prefix = `edit-${repair.id}`;

  async function start() {
    setProblem(await editRefusal(rsDb(), repair.id));
    setOpen(true);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    try {
      await editQueuedRepair(rsDb(), repair.id, {
        damageType: text("damageType") as DamageTypeName,
        damagePosition: text("position"),
        technicianNotes: text("technicianNotes"),
        customerNotes: text("customerNotes"),
      });
      setOpen(false);
      setProblem(null);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  async function askDelete() {
    const refusal = await removalRefusal(rsDb(), repair.id);
    setDeleteProblem(refusal);
    setConfirmDelete(refusal === null);
  }

  async function remove() {
    try {
      await removeQueuedRepair(rsDb(), repair.id);
    } catch (error) {
      setConfirmDelete(false);
      setDeleteProblem((error as Error).message);
    }
  }

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => void start()} aria-label={`Edit ${label}`}>
        Edit
      </button>
    );
  }
  if (problem) {
    return (
      <p className="notice" role="alert">
        {problem}{" "}
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          OK
        </button>
      </p>
    );
  }
  return (
    <form className="edit-repair" aria-label={`Edit ${label}`} onSubmit={(e) => void save(e)}>
      <div className="field">
        <label htmlFor={`${prefix}-type`}>Damage type</label>
        <select id={`${prefix}-type`} name="damageType" defaultValue={p.damageType}>
          <DamageTypeOptions />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-position`}>{FIELDS.damagePosition.label}</label>
        <input
          id={`${prefix}-position`}
          name="position"
          defaultValue={p.damagePosition ?? ""}
          maxLength={FIELDS.damagePosition.maxLength}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-tech`}>{FIELDS.technicianNotes.label}</label>
        <textarea
          id={`${prefix}-tech`}
          name="technicianNotes"
          defaultValue={p.technicianNotes ?? ""}
          maxLength={FIELDS.technicianNotes.maxLength}
          rows={2}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-customer`}>{FIELDS.customerNotes.label}</label>
        <textarea
          id={`${prefix}-customer`}
          name="customerNotes"
          defaultValue={p.customerNotes ?? ""}
          maxLength={FIELDS.customerNotes.maxLength}
          rows={2}
        />
      </div>
      <div className="actions">
        <button type="submit">Save changes</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {deleteProblem && (
        <p className="notice" role="alert">
          {deleteProblem}
        </p>
      )}
      {confirmDelete ? (
        <div className="actions" role="group" aria-label="Confirm delete">
          <p>Delete this repair and its files from the device? It was never sent.</p>
          <button type="button" className="danger" onClick={() => void remove()}>
            Yes, delete it
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="secondary danger" onClick={() => void askDelete()}>
            Delete this repair…
          </button>
        </div>
      )}
    </form>
  );
}
