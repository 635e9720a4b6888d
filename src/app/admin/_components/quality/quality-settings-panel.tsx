"use client";
// The quality rules: warn or refuse per photo check, warranty months and required completion
// steps per damage type, the share of work drawn for peer review, the training-flag thresholds.
import type { FormEvent } from "react";
import { DAMAGE_LABELS, DAMAGE_TYPES, type DamageTypeName } from "~/domain";
import { PHOTO_CHECK_LABELS, type QualitySettings } from "~/domain/quality-settings";
import type { PhotoCheck } from "~/domain/photo-checks";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";
import { labelled, wholeNumber } from "../form-values";
import { useDraft } from "../use-draft";

const CHECKS: PhotoCheck[] = ["blur", "exposure", "size"];

export function QualitySettingsPanel() {
  const settings = api.quality.settings.useQuery();
  return (
    <section aria-labelledby="quality-settings-heading" className="admin-subform">
      <h2 id="quality-settings-heading">Quality rules</h2>
      <p className="muted">
        The phone checks each photo for blur, light and size before it is kept. No machine-learning damage detection
        runs: no model is available offline, so the photos are evidence for people to judge.
      </p>
      <QueryState isLoading={settings.isLoading} error={settings.error} isEmpty={!settings.data} empty="">
        {settings.data && <QualitySettingsForm settings={settings.data} />}
      </QueryState>
    </section>
  );
}

const draftOf = (s: QualitySettings) => ({
  photoChecks: s.photoChecks,
  requirePhotoPairs: s.requirePhotoPairs,
  warrantyMonths: Object.fromEntries(DAMAGE_TYPES.map((t) => [t, String(s.warrantyMonths[t])])) as Record<
    DamageTypeName,
    string
  >,
  completionSteps: Object.fromEntries(DAMAGE_TYPES.map((t) => [t, s.completionSteps[t].join("\n")])) as Record<
    DamageTypeName,
    string
  >,
  peerReviewPercent: String(s.peerReviewPercent),
  maxCallbackPercent: String(s.training.maxCallbackPercent),
  minSurveyAverage: String(s.training.minSurveyAverage),
  minReviewAverage: String(s.training.minReviewAverage),
  minSample: String(s.training.minSample),
});

function decimal(text: string, label: string): number {
  return labelled(label, () => {
    const value = Number(text.trim());
    if (text.trim() === "" || !Number.isFinite(value)) throw new Error("enter a number");
    return value;
  });
}

function QualitySettingsForm({ settings }: { settings: QualitySettings }) {
  const utils = api.useUtils();
  const { draft, change, saved, submit, problem, edited } = useDraft(() => draftOf(settings));
  const save = api.quality.updateSettings.useMutation({
    onSuccess: (result) => {
      saved(draftOf(result));
      void utils.quality.settings.invalidate();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(
      () => ({
        photoChecks: draft.photoChecks,
        requirePhotoPairs: draft.requirePhotoPairs,
        warrantyMonths: Object.fromEntries(
          DAMAGE_TYPES.map((t) => [t, wholeNumber(draft.warrantyMonths[t], `${DAMAGE_LABELS[t]} warranty (months)`)]),
        ) as Record<DamageTypeName, number>,
        completionSteps: Object.fromEntries(
          DAMAGE_TYPES.map((t) => [
            t,
            draft.completionSteps[t]
              .split("\n")
              .map((s) => s.trim())
              .filter(Boolean),
          ]),
        ) as Record<DamageTypeName, string[]>,
        peerReviewPercent: wholeNumber(draft.peerReviewPercent, "Share of repairs peer-reviewed (%)"),
        training: {
          maxCallbackPercent: decimal(draft.maxCallbackPercent, "Callback rate limit (%)"),
          minSurveyAverage: decimal(draft.minSurveyAverage, "Lowest survey average"),
          minReviewAverage: decimal(draft.minReviewAverage, "Lowest peer-review average"),
          minSample: wholeNumber(draft.minSample, "Fewest repairs, surveys or reviews behind a figure"),
        },
      }),
      save.mutate,
    );
  };
  return (
    <form onSubmit={onSubmit} aria-label="Quality rules">
      <fieldset>
        <legend>Photo checks on the phone</legend>
        {CHECKS.map((check) => (
          <label key={check} className="field">
            {PHOTO_CHECK_LABELS[check]}
            <select
              value={draft.photoChecks[check]}
              onChange={(e) =>
                change({ photoChecks: { ...draft.photoChecks, [check]: e.target.value as "warn" | "refuse" } })
              }
            >
              <option value="warn">Warn (the technician may keep it)</option>
              <option value="refuse">Refuse (the technician retakes it)</option>
            </select>
          </label>
        ))}
        <label className="field">
          <input
            type="checkbox"
            checked={draft.requirePhotoPairs}
            onChange={(e) => change({ requirePhotoPairs: e.target.checked })}
          />{" "}
          Require a before/after pair: each damage photo needs its after photo before a repair is completed
        </label>
      </fieldset>
      <fieldset>
        <legend>Per damage type</legend>
        {DAMAGE_TYPES.map((t) => (
          <div key={t} className="admin-row">
            <TextField
              id={`warranty-${t}`}
              label={`${DAMAGE_LABELS[t]} warranty (months)`}
              inputMode="numeric"
              value={draft.warrantyMonths[t]}
              onChange={(value) => change({ warrantyMonths: { ...draft.warrantyMonths, [t]: value } })}
            />
            <label className="field">
              {`${DAMAGE_LABELS[t]} completion steps (one per line)`}
              <textarea
                rows={2}
                value={draft.completionSteps[t]}
                onChange={(e) => change({ completionSteps: { ...draft.completionSteps, [t]: e.target.value } })}
              />
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Peer review and training flags (last 90 days)</legend>
        <div className="admin-row">
          <TextField
            id="peer-review-percent"
            label="Share of repairs peer-reviewed (%)"
            inputMode="numeric"
            value={draft.peerReviewPercent}
            onChange={(peerReviewPercent) => change({ peerReviewPercent })}
          />
          <TextField
            id="max-callback-percent"
            label="Callback rate limit (%)"
            inputMode="decimal"
            value={draft.maxCallbackPercent}
            onChange={(maxCallbackPercent) => change({ maxCallbackPercent })}
          />
          <TextField
            id="min-survey-average"
            label="Lowest survey average"
            inputMode="decimal"
            value={draft.minSurveyAverage}
            onChange={(minSurveyAverage) => change({ minSurveyAverage })}
          />
          <TextField
            id="min-review-average"
            label="Lowest peer-review average"
            inputMode="decimal"
            value={draft.minReviewAverage}
            onChange={(minReviewAverage) => change({ minReviewAverage })}
          />
          <TextField
            id="min-sample"
            label="Fewest repairs, surveys or reviews behind a figure"
            inputMode="numeric"
            value={draft.minSample}
            onChange={(minSample) => change({ minSample })}
          />
        </div>
      </fieldset>
      <FormStatus error={save.error} problem={problem} saved={save.isSuccess && !edited} />
      <button type="submit" disabled={save.isPending}>
        Save quality rules
      </button>
    </form>
  );
}
