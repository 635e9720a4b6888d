"use client";
// Business-wide settings: smart assignment's five weights (their sum shown as typed; the server
// refuses a sum other than 1), auto-assignment of customer requests, the average driving speed
// for arrival estimates and how many weeks of walks are generated ahead; then the rewards figures.
import type { FormEvent } from "react";
import { ASSIGNMENT_FACTORS, type AssignmentFactor, type BusinessSettings } from "~/domain/business-settings";
import { WEIGHT_SUM_TOLERANCE } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { CheckField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { labelled, wholeNumber } from "../form-values";
import { useDraft } from "../use-draft";
import { PointsCheckNow } from "../points-check-alert";
import { RewardSettingsPanel } from "./reward-settings-form";

const FACTOR_LABELS: Record<AssignmentFactor, string> = {
  workload: "Workload (fewest open repairs)",
  distance: "Distance to the site",
  expertise: "Expertise (skilled at the damage type)",
  history: "History with this customer",
  availability: "Availability that day",
};

export function BusinessSettingsPanel() {
  const settings = api.admin.businessSettings.useQuery();
  return (
    <section aria-labelledby="business-heading">
      <h2 id="business-heading">Business settings</h2>
      <QueryState isLoading={settings.isLoading} error={settings.error} isEmpty={!settings.data} empty="">
        {settings.data && <BusinessSettingsForm settings={settings.data} />}
      </QueryState>
      <RewardSettingsPanel />
      <PointsCheckNow />
    </section>
  );
}

const draftOf = (s: BusinessSettings) => ({
  weights: Object.fromEntries(ASSIGNMENT_FACTORS.map((f) => [f, String(s.assignmentWeights[f])])) as Record<
    AssignmentFactor,
    string
  >,
  autoAssignRequests: s.autoAssignRequests,
  averageSpeedKmh: String(s.averageSpeedKmh),
  walkHorizonWeeks: String(s.walkHorizonWeeks),
});

function weightOf(text: string, factor: AssignmentFactor): number {
  return labelled(`${FACTOR_LABELS[factor]} weight`, () => {
    const value = Number(text.trim());
    if (!text.trim() || !Number.isFinite(value)) throw new Error(`"${text}" is not a number.`);
    return value;
  });
}

function BusinessSettingsForm({ settings }: { settings: BusinessSettings }) {
  const { draft, change, saved, submit, problem, edited } = useDraft(() => draftOf(settings));
  const save = api.admin.updateBusinessSettings.useMutation({ onSuccess: (result) => saved(draftOf(result)) });
  const sum = ASSIGNMENT_FACTORS.reduce((total, f) => total + (Number(draft.weights[f]) || 0), 0);
  const sumOk = Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(
      () => ({
        assignmentWeights: Object.fromEntries(
          ASSIGNMENT_FACTORS.map((f) => [f, weightOf(draft.weights[f], f)]),
        ) as Record<AssignmentFactor, number>,
        autoAssignRequests: draft.autoAssignRequests,
        averageSpeedKmh: wholeNumber(draft.averageSpeedKmh, "Average speed (km/h)"),
        walkHorizonWeeks: wholeNumber(draft.walkHorizonWeeks, "Walk horizon (weeks)"),
      }),
      save.mutate,
    );
  };
  return (
    <form onSubmit={onSubmit} aria-label="Business settings">
      <fieldset className="admin-fieldset">
        <legend>Smart assignment weights</legend>
        <p className="muted">
          Each factor scores a technician from 0 to 1; the weights say how much each counts and must add up to 1. A
          technician the customer prefers gets +0.1 on top.
        </p>
        <div className="admin-row">
          {ASSIGNMENT_FACTORS.map((f) => (
            <TextField
              key={f}
              id={`weight-${f}`}
              label={FACTOR_LABELS[f]}
              inputMode="decimal"
              value={draft.weights[f]}
              onChange={(value) => change({ weights: { ...draft.weights, [f]: value } })}
            />
          ))}
        </div>
        <p className={sumOk ? "muted" : "error"} aria-live="polite" id="weights-sum">
          Sum of the weights: {Math.round(sum * 1000) / 1000}
          {sumOk ? "" : " (must be 1)"}
        </p>
      </fieldset>
      <CheckField
        label="Assign customer requests automatically"
        hint="to the best candidate, with the reasons stored"
        checked={draft.autoAssignRequests}
        onChange={(autoAssignRequests) => change({ autoAssignRequests })}
      />
      <div className="admin-row">
        <TextField
          id="average-speed"
          label="Average speed (km/h)"
          inputMode="numeric"
          value={draft.averageSpeedKmh}
          onChange={(averageSpeedKmh) => change({ averageSpeedKmh })}
          hint="For arrival estimates on a technician's day"
        />
        <TextField
          id="walk-horizon"
          label="Walk horizon (weeks)"
          inputMode="numeric"
          value={draft.walkHorizonWeeks}
          onChange={(walkHorizonWeeks) => change({ walkHorizonWeeks })}
          hint="How far ahead walks are generated from schedules"
        />
      </div>
      <FormStatus error={save.error} problem={problem} saved={save.isSuccess && !edited} />
      <button type="submit" disabled={save.isPending}>
        Save business settings
      </button>
    </form>
  );
}
