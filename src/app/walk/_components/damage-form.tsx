"use client";
// One damage on the current unit: what and where, photos, position, voice note, notes and
// repair conditions. The estimate and approval update as it is filled; "Save repair" writes
// it to the device at once (sync follows whenever there is a connection).
import { type FormEvent, useCallback, useState } from "react";
import { AttachmentRefused, type CapturedFile } from "~/client/store/captured-file";
import { CaptureRefused, captureRepair } from "~/client/store/capture-repair";
import { type LocalWalk, rsDb } from "~/client/store/db";
import { kickSync } from "../_hooks/lazy-device-sync";
import { EstimatePreview, useDeviceEstimate } from "./estimate-preview";
import { DamageTypeOptions } from "./damage-type-options";
import { type DamageTypeName } from "./format";
import { GpsStatus, useGps } from "./gps-status";
import { type PhotoItem, PhotoField } from "./photo-field";
import { VoiceField } from "./voice-field";

type Props = { walk: LocalWalk; unitNumber: string; jobId: string; breakIndex: number; onSaved: () => void };

export function DamageForm({ walk, unitNumber, jobId, breakIndex, onSaved }: Props) {
  const [damageType, setDamageType] = useState<DamageTypeName>("CHIP");
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const [afterPhotos, setAfterPhotos] = useState<PhotoItem[]>([]);
  const [voice, setVoice] = useState<CapturedFile | null>(null);
  const [fixedOnSpot, setFixedOnSpot] = useState(false);
  const [busyStages, setBusyStages] = useState<Record<string, boolean>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const location = useGps();
  const { estimate, error: estimateError } = useDeviceEstimate({
    customerId: walk.customerId,
    unitNumber,
    breakIndex,
    completedOnSpot: fixedOnSpot,
    hasDamagePhoto: photos.length > 0,
    hasAfterPhoto: afterPhotos.length > 0,
  });
  const onBusy = useCallback(
    (stage: string, busy: boolean) => setBusyStages((s) => (s[stage] === busy ? s : { ...s, [stage]: busy })),
    [],
  );
  const compressing = Object.values(busyStages).some(Boolean);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const temperature = text("temperature");
    setSaving(true);
    setError(null);
    try {
      await captureRepair(rsDb(), {
        walkId: walk.id,
        customerId: walk.customerId,
        unitNumber,
        jobId,
        breakIndex,
        damageType,
        damagePosition: text("position") || undefined,
        customerNotes: text("customerNotes"),
        technicianNotes: text("technicianNotes"),
        drilledBeforeRepair: form.get("drilled") === "on",
        windshieldTemperatureC: temperature ? Number(temperature) : undefined,
        resinViscosity: (text("viscosity") || undefined) as "LOW" | "MEDIUM" | "HIGH" | undefined,
        gps: location.gps?.ok ? location.gps.fix : undefined,
        photos: [...photos, ...(fixedOnSpot ? afterPhotos : [])],
        voice: voice ?? undefined,
        completedOnSpot: fixedOnSpot,
      });
      kickSync();
      onSaved();
    } catch (e) {
      setError(
        e instanceof CaptureRefused || e instanceof AttachmentRefused
          ? e.message
          : `Not saved: ${(e as Error).message}`,
      );
      setSaving(false);
    }
  }

  const fixNow = estimate?.fixNow;
  // The after photo is taken once the box is ticked: only a missing approval keeps it unticked.
  const mayFix = Boolean(fixNow && (fixNow.allowed || fixNow.rule === "AFTER_PHOTO_REQUIRED"));
  return (
    <form
      onSubmit={(e) => void save(e)}
      className="card damage-form"
      aria-label={`Damage ${breakIndex + 1} on unit ${unitNumber}`}
    >
      <h3>
        Damage {breakIndex + 1} on unit {unitNumber}
      </h3>
      <label htmlFor="damage-type">Damage type</label>
      <select id="damage-type" value={damageType} onChange={(e) => setDamageType(e.target.value as DamageTypeName)}>
        <DamageTypeOptions />
      </select>
      <label htmlFor="position">Position</label>
      <input id="position" name="position" placeholder="e.g. driver side, lower" maxLength={200} />

      <PhotoField stage="DAMAGE" label="Add damage photo" photos={photos} onChange={setPhotos} onBusy={onBusy} />
      <EstimatePreview estimate={estimate} error={estimateError} />

      <GpsStatus {...location} />
      <VoiceField voice={voice} onChange={setVoice} />

      <label htmlFor="technicianNotes">Technician notes</label>
      <textarea id="technicianNotes" name="technicianNotes" rows={2} maxLength={4000} />
      <label htmlFor="customerNotes">Notes for the customer</label>
      <textarea id="customerNotes" name="customerNotes" rows={2} maxLength={4000} />

      <div className="row">
        <label className="check">
          <input type="checkbox" name="drilled" /> Drilled before repair
        </label>
      </div>
      <div className="row">
        <div>
          <label htmlFor="temperature">Windshield temperature (°C)</label>
          <input id="temperature" name="temperature" type="number" inputMode="decimal" min={-60} max={90} step="0.5" />
        </div>
        <div>
          <label htmlFor="viscosity">Resin viscosity</label>
          <select id="viscosity" name="viscosity" defaultValue="">
            <option value="">Not recorded</option>
            <option value="LOW">Low</option>
            <option value="MEDIUM">Medium</option>
            <option value="HIGH">High</option>
          </select>
        </div>
      </div>

      <label className="check">
        <input
          type="checkbox"
          checked={fixedOnSpot}
          disabled={!mayFix && !fixedOnSpot}
          onChange={(e) => setFixedOnSpot(e.target.checked)}
        />{" "}
        Fixed on the spot
      </label>
      {fixNow && !fixNow.allowed && !mayFix && <p className="muted">Cannot be fixed now: {fixNow.reason}.</p>}
      {fixedOnSpot && (
        <PhotoField
          stage="AFTER"
          label="Add after photo"
          photos={afterPhotos}
          onChange={setAfterPhotos}
          onBusy={onBusy}
        />
      )}
      {fixedOnSpot && fixNow && !fixNow.allowed && <p className="notice">{fixNow.reason}</p>}

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="wide" disabled={saving || compressing || (fixedOnSpot && !fixNow?.allowed)}>
        {saving ? "Saving…" : compressing ? "Compressing photos…" : "Save repair"}
      </button>
    </form>
  );
}
