"use client";
// One damage on the current unit: type, position and photos first (a plain unit is unit, photo,
// Save), the rest folded under "More details". Every change is written to the unit's draft at
// once, so a reload or a killed tab loses nothing; "Save repair" queues it and removes the
// draft in one transaction (sync follows whenever there is a connection).
import { type FormEvent, useCallback, useRef, useState } from "react";
import { AttachmentRefused, type CapturedFile } from "~/client/store/captured-file";
import { CaptureRefused, captureRepair, spotChecklist } from "~/client/store/capture-repair";
import { type LocalWalk, type SnapshotTemplateRow, rsDb } from "~/client/store/db";
import { type DamageTypeName, FIELDS, RESIN_VISCOSITIES, RESIN_VISCOSITY_LABELS, withTemplateNotes } from "~/domain";
import {
  type DraftFields,
  type DraftFileRole,
  type LoadedDraft,
  draftMedia,
  putDraftFile,
  removeDraftFile,
  saveDraftFields,
} from "~/client/store/unit-drafts";
import { kickSync } from "../_lib/lazy-device-sync";
import { useLiveQuery } from "../_hooks/use-live-query";
import { EstimatePreview, useDeviceEstimate } from "./estimate-preview";
import { DamageTypeOptions } from "./damage-type-options";
import { GpsStatus, useGps } from "./gps-status";
import { type PhotoItem, PhotoField } from "./photo-field";
import { TemplateChips } from "./template-chips";
import { VoiceField } from "./voice-field";

type Props = {
  walk: LocalWalk;
  unitNumber: string;
  jobId: string;
  breakIndex: number;
  /** The unit's draft as stored: the form starts from it and writes every change back. */
  draft: LoadedDraft;
  onSaved: () => void;
};

type VoiceItem = CapturedFile & { key: string };

export function DamageForm({ walk, unitNumber, jobId, breakIndex, draft, onSaved }: Props) {
  const draftId = draft.draft.id;
  const [initial] = useState(() => draftMedia(draft.files));
  const [fields, setFields] = useState<DraftFields>(draft.draft.fields);
  const [photos, setPhotos] = useState<PhotoItem[]>(initial.photos);
  const [afterPhotos, setAfterPhotos] = useState<PhotoItem[]>(initial.afterPhotos);
  const [voice, setVoice] = useState<VoiceItem | null>(initial.voice);
  const [busyStages, setBusyStages] = useState<Record<string, boolean>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const required =
    useLiveQuery(
      () => spotChecklist(rsDb(), walk.customerId, fields.templateId, fields.damageType),
      `spot-checklist-${walk.customerId}-${fields.templateId ?? ""}-${fields.damageType}`,
    ) ?? [];
  const [ticked, setTicked] = useState<Record<string, Date>>({});
  const unticked = required.filter((item) => !ticked[item]);
  const [moreOpen, setMoreOpen] = useState(() => hasDetails(draft.draft.fields, initial.voice));
  // Writes go one after another, so the last keystroke is the one that stays.
  const writes = useRef<Promise<void>>(Promise.resolve());
  const location = useGps();
  const { estimate, error: estimateError } = useDeviceEstimate({
    customerId: walk.customerId,
    unitNumber,
    breakIndex,
    completedOnSpot: fields.completedOnSpot,
    hasDamagePhoto: photos.length > 0,
    hasAfterPhoto: afterPhotos.length > 0,
  });
  const onBusy = useCallback(
    (stage: string, busy: boolean) => setBusyStages((s) => (s[stage] === busy ? s : { ...s, [stage]: busy })),
    [],
  );
  const compressing = Object.values(busyStages).some(Boolean);

  function persist(write: () => Promise<void>) {
    writes.current = writes.current.then(write).then(
      () => setDraftError(null),
      (e: unknown) => {
        console.error("draft not written", e);
        setDraftError("This unit could not be kept on the device: save it now, or keep the screen open.");
      },
    );
  }

  function change<K extends keyof DraftFields>(name: K, value: DraftFields[K]) {
    setFields((current) => {
      const next = { ...current, [name]: value };
      persist(() => saveDraftFields(rsDb(), draftId, next));
      return next;
    });
  }

  function applyTemplate(template: SnapshotTemplateRow) {
    setFields((current) => {
      const next: DraftFields = {
        ...current,
        damageType: template.damageType,
        damagePosition: template.damagePosition ?? current.damagePosition,
        technicianNotes: withTemplateNotes(current.technicianNotes, template.notes),
        templateId: template.id,
      };
      persist(() => saveDraftFields(rsDb(), draftId, next));
      return next;
    });
  }

  function changePhotos(role: Extract<DraftFileRole, "DAMAGE" | "AFTER">, before: PhotoItem[], after: PhotoItem[]) {
    (role === "DAMAGE" ? setPhotos : setAfterPhotos)(after);
    const kept = new Set(after.map((p) => p.key));
    const had = new Set(before.map((p) => p.key));
    for (const p of before) if (!kept.has(p.key)) persist(() => removeDraftFile(rsDb(), p.key));
    const old = new Map(before.map((p) => [p.key, p]));
    for (const p of after)
      if (!had.has(p.key) || old.get(p.key)?.marks !== p.marks)
        persist(() => putDraftFile(rsDb(), draftId, role, { ...p, id: p.key }));
  }

  function changeVoice(next: CapturedFile | null) {
    const previous = voice;
    const item = next ? { ...next, key: crypto.randomUUID() } : null;
    setVoice(item);
    if (item) persist(() => putDraftFile(rsDb(), draftId, "VOICE", { ...item, id: item.key }));
    else if (previous) persist(() => removeDraftFile(rsDb(), previous.key));
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const temperature = fields.windshieldTemperatureC.trim();
    if (temperature && !(Number(temperature) >= -60 && Number(temperature) <= 90)) {
      setError("The windshield temperature must be a number of °C from -60 to 90: correct it or clear it.");
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await writes.current;
      await captureRepair(rsDb(), {
        walkId: walk.id,
        customerId: walk.customerId,
        unitNumber,
        jobId,
        breakIndex,
        damageType: fields.damageType,
        damagePosition: fields.damagePosition.trim() || undefined,
        customerNotes: fields.customerNotes.trim(),
        technicianNotes: fields.technicianNotes.trim(),
        drilledBeforeRepair: fields.drilledBeforeRepair,
        windshieldTemperatureC: temperature ? Number(temperature) : undefined,
        resinViscosity: fields.resinViscosity || undefined,
        gps: location.gps?.ok ? location.gps.fix : undefined,
        photos: [...photos, ...(fields.completedOnSpot ? afterPhotos : [])],
        voice: voice ?? undefined,
        completedOnSpot: fields.completedOnSpot,
        checklist: required.flatMap((item) => (ticked[item] ? [{ item, confirmedAt: ticked[item] }] : [])),
        templateId: fields.templateId,
        newUnit: draft.draft.newUnit,
        fromDraftId: draftId,
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
  const details = [
    voice && "voice note",
    (fields.technicianNotes.trim() || fields.customerNotes.trim()) && "notes",
    fields.drilledBeforeRepair && "drilled",
    fields.windshieldTemperatureC.trim() && "temperature",
    fields.resinViscosity && "resin",
  ].filter(Boolean);
  return (
    <form
      onSubmit={(e) => void save(e)}
      className="card damage-form"
      aria-label={`Damage ${breakIndex + 1} on unit ${unitNumber}`}
    >
      <h3>
        Damage {breakIndex + 1} on unit {unitNumber}
      </h3>
      <TemplateChips appliedId={fields.templateId} onApply={applyTemplate} />
      <label htmlFor="damage-type">Damage type</label>
      <select
        id="damage-type"
        value={fields.damageType}
        onChange={(e) => change("damageType", e.target.value as DamageTypeName)}
      >
        <DamageTypeOptions />
      </select>
      <label htmlFor="position">{FIELDS.damagePosition.label}</label>
      <input
        id="position"
        name="position"
        placeholder="e.g. driver side, lower"
        maxLength={FIELDS.damagePosition.maxLength}
        value={fields.damagePosition}
        onChange={(e) => change("damagePosition", e.target.value)}
      />

      <PhotoField
        stage="DAMAGE"
        label="Add damage photo"
        photos={photos}
        onChange={(next) => changePhotos("DAMAGE", photos, next)}
        onBusy={onBusy}
      />
      <EstimatePreview estimate={estimate} error={estimateError} />
      <GpsStatus {...location} />

      <label className="check">
        <input
          type="checkbox"
          checked={fields.completedOnSpot}
          disabled={!mayFix && !fields.completedOnSpot}
          onChange={(e) => change("completedOnSpot", e.target.checked)}
        />{" "}
        Fixed on the spot
      </label>
      {fixNow && !fixNow.allowed && !mayFix && <p className="muted">Cannot be fixed now: {fixNow.reason}.</p>}
      {fields.completedOnSpot && (
        <PhotoField
          stage="AFTER"
          label="Add after photo"
          photos={afterPhotos}
          onChange={(next) => changePhotos("AFTER", afterPhotos, next)}
          onBusy={onBusy}
        />
      )}
      {fields.completedOnSpot && fixNow && !fixNow.allowed && <p className="notice">{fixNow.reason}</p>}
      {fields.completedOnSpot && required.length > 0 && (
        <fieldset className="work-checklist">
          <legend>Completion checklist</legend>
          {required.map((item) => (
            <label key={item} className="check">
              <input
                type="checkbox"
                checked={Boolean(ticked[item])}
                onChange={(e) =>
                  setTicked(({ [item]: _was, ...rest }) => (e.target.checked ? { ...rest, [item]: new Date() } : rest))
                }
              />
              {item}
            </label>
          ))}
          {unticked.length > 0 && <p className="muted">Confirm every item to save it as fixed on the spot.</p>}
        </fieldset>
      )}

      <details className="more-details" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>More details{details.length > 0 && <span className="muted"> · {details.join(", ")}</span>}</summary>
        <VoiceField voice={voice} onChange={changeVoice} />
        <label htmlFor="technicianNotes">{FIELDS.technicianNotes.label}</label>
        <textarea
          id="technicianNotes"
          rows={2}
          maxLength={FIELDS.technicianNotes.maxLength}
          value={fields.technicianNotes}
          onChange={(e) => change("technicianNotes", e.target.value)}
        />
        <label htmlFor="customerNotes">{FIELDS.customerNotes.label}</label>
        <textarea
          id="customerNotes"
          rows={2}
          maxLength={FIELDS.customerNotes.maxLength}
          value={fields.customerNotes}
          onChange={(e) => change("customerNotes", e.target.value)}
        />
        <div className="row">
          <label className="check">
            <input
              type="checkbox"
              checked={fields.drilledBeforeRepair}
              onChange={(e) => change("drilledBeforeRepair", e.target.checked)}
            />{" "}
            Drilled before repair
          </label>
        </div>
        <div className="row">
          <div>
            <label htmlFor="temperature">Windshield temperature (°C)</label>
            <input
              id="temperature"
              type="text"
              inputMode="decimal"
              value={fields.windshieldTemperatureC}
              onChange={(e) => change("windshieldTemperatureC", e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="viscosity">Resin viscosity</label>
            <select
              id="viscosity"
              value={fields.resinViscosity}
              onChange={(e) => change("resinViscosity", e.target.value as DraftFields["resinViscosity"])}
            >
              <option value="">Not recorded</option>
              {RESIN_VISCOSITIES.map((value) => (
                <option key={value} value={value}>
                  {RESIN_VISCOSITY_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </details>

      {draftError && (
        <p role="alert" className="error">
          {draftError}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="save-bar">
        <button
          type="submit"
          className="wide"
          disabled={saving || compressing || (fields.completedOnSpot && (!fixNow?.allowed || unticked.length > 0))}
        >
          {saving ? "Saving…" : compressing ? "Compressing photos…" : "Save repair"}
        </button>
      </div>
    </form>
  );
}

function hasDetails(fields: DraftFields, voice: unknown): boolean {
  return Boolean(
    voice ||
    fields.technicianNotes.trim() ||
    fields.customerNotes.trim() ||
    fields.drilledBeforeRepair ||
    fields.windshieldTemperatureC.trim() ||
    fields.resinViscosity,
  );
}
