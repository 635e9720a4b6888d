"use client";
// A customer's repair request. The price is shown before submitting: the request is the
// approval (a request is its own approval: docs/architecture.md), so the button names the amount.
import { type ChangeEvent, type FormEvent, useRef, useState } from "react";
import { DAMAGE_LABELS, DAMAGE_TYPES, type DamageTypeName, FIELDS, formatCents } from "~/domain";
import type { CapturedFile } from "~/client/store/captured-file";
import type { BlobRow } from "~/client/store/db";
import { api } from "~/trpc/react";
import { UnitPicker } from "./unit-picker";

type PhotoState =
  | { status: "none" }
  | { status: "preparing" }
  | { status: "ready"; file: CapturedFile; name: string }
  | { status: "problem"; message: string };

export function RequestRepairForm() {
  const utils = api.useUtils();
  const units = api.unit.fleet.useQuery({});
  const [unitId, setUnitId] = useState("");
  const [damageType, setDamageType] = useState<DamageTypeName>("CHIP");
  const [position, setPosition] = useState("");
  const [notes, setNotes] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [photo, setPhoto] = useState<PhotoState>({ status: "none" });
  const [photoNote, setPhotoNote] = useState<string | null>(null);
  const [pendingPhoto, setPendingPhoto] = useState<BlobRow | null>(null);
  // One id per request being filled in: a second click (or a retry) sends the same id, which
  // the server answers with the first request (request-repair.ts), so nothing is asked twice.
  const requestId = useRef(crypto.randomUUID());
  const estimate = api.repair.estimateForUnit.useQuery({ unitId }, { enabled: Boolean(unitId) });
  const request = api.repair.request.useMutation({
    onSuccess: (repair) => {
      requestId.current = crypto.randomUUID();
      setDone(
        `Requested for unit ${units.data?.find((u) => u.id === repair.unitId)?.unitNumber ?? ""} at ${formatCents(repair.estimateCents ?? 0)}.`,
      );
      setPosition("");
      setNotes("");
      setPhoto({ status: "none" });
      void utils.repair.list.invalidate();
      void utils.repair.estimateForUnit.invalidate();
    },
  });
  const quote = estimate.data?.lines[0];

  async function onPhoto(event: ChangeEvent<HTMLInputElement>) {
    const original = event.target.files?.[0];
    if (!original) return setPhoto({ status: "none" });
    setPhoto({ status: "preparing" });
    const { preparePhoto } = await import("~/client/capture/photo");
    const prepared = await preparePhoto(original).catch(() => null);
    if (!prepared) return setPhoto({ status: "problem", message: "This photo could not be read. Try another one." });
    setPhoto(
      prepared.ok
        ? { status: "ready", file: prepared.file, name: original.name }
        : { status: "problem", message: prepared.problem.message },
    );
  }

  async function uploadPhoto(row: BlobRow) {
    const { requestPhotoProblem, sendRequestPhoto } = await import("~/client/portal/request-photo");
    setPhotoNote("Sending the photo…");
    const outcome = await sendRequestPhoto(row);
    if (outcome === "confirmed") {
      setPendingPhoto(null);
      setPhotoNote("Photo received.");
      void utils.portal.units.invalidate();
    } else {
      setPendingPhoto(row);
      setPhotoNote(
        `The photo did not go through${outcome === "refused" ? "" : " yet"}: ${((await requestPhotoProblem(row.id)) ?? "no connection").replace(/\.$/, "")}.`,
      );
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (request.isPending) return;
    setDone(null);
    setPhotoNote(null);
    const id = requestId.current;
    // The photo is kept on the device first; its bytes go once the server accepted the request.
    const kept =
      photo.status === "ready"
        ? await (await import("~/client/portal/request-photo")).keepRequestPhoto(id, photo.file)
        : null;
    request.mutate(
      {
        id,
        unitId,
        damageType,
        damagePosition: position || undefined,
        customerNotes: notes,
        attachments: kept ? [{ ...kept.meta, kind: "PHOTO" }] : [],
      },
      { onSuccess: () => kept && void uploadPhoto(kept.row) },
    );
  }

  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} aria-labelledby="request-heading">
      <h2 id="request-heading">Request a repair</h2>
      {units.error && (
        <p className="error" role="alert">
          {units.error.message}
        </p>
      )}
      <label htmlFor="request-unit">Unit</label>
      {units.isLoading ? (
        <p className="muted">Loading units…</p>
      ) : (
        <UnitPicker id="request-unit" units={units.data ?? []} value={unitId} onChange={setUnitId} />
      )}
      <label htmlFor="request-damage">Damage</label>
      <select id="request-damage" value={damageType} onChange={(e) => setDamageType(e.target.value as DamageTypeName)}>
        {DAMAGE_TYPES.map((t) => (
          <option key={t} value={t}>
            {DAMAGE_LABELS[t]}
          </option>
        ))}
      </select>
      <label htmlFor="request-position">Where on the windshield (optional)</label>
      <input
        id="request-position"
        value={position}
        onChange={(e) => setPosition(e.target.value)}
        placeholder="e.g. passenger side, lower"
        maxLength={FIELDS.damagePosition.maxLength}
      />
      <label htmlFor="request-notes">Notes for the technician (optional)</label>
      <textarea
        id="request-notes"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={3}
        maxLength={FIELDS.customerNotes.maxLength}
      />
      <label htmlFor="request-photo">Photo of the damage (optional)</label>
      <input id="request-photo" type="file" accept="image/*" capture="environment" onChange={(e) => void onPhoto(e)} />
      {photo.status === "preparing" && (
        <p className="muted" role="status">
          Preparing the photo…
        </p>
      )}
      {photo.status === "problem" && (
        <p className="error" role="alert">
          {photo.message}
        </p>
      )}
      {photo.status === "ready" && <p className="muted">Photo ready ({Math.round(photo.file.blob.size / 1000)} KB).</p>}
      {photoNote && (
        <p className="muted" data-testid="request-photo-status">
          {photoNote}
        </p>
      )}
      {pendingPhoto && photoNote?.startsWith("The photo did not go through yet") && (
        <button type="button" className="secondary" onClick={() => void uploadPhoto(pendingPhoto)}>
          Send the photo again
        </button>
      )}
      {unitId && (
        <p className="notice" aria-live="polite" data-testid="request-estimate">
          {estimate.isLoading && "Working out the price…"}
          {estimate.error && estimate.error.message}
          {quote && (
            <>
              Price: <strong>{formatCents(quote.cents)}</strong> — {quote.explanation}
            </>
          )}
        </p>
      )}
      {request.error && (
        <p className="error" role="alert">
          {request.error.message}
        </p>
      )}
      {done && (
        <p className="muted" role="status">
          {done}
        </p>
      )}
      <p>
        <button type="submit" disabled={!unitId || !quote || request.isPending || photo.status === "preparing"}>
          {quote ? `Request repair at ${formatCents(quote.cents)}` : "Request repair"}
        </button>
      </p>
    </form>
  );
}
