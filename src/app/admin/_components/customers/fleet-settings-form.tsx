"use client";
// A customer's fleet settings: fleet size, lot-walking schedule, auto-
// approval of lot repairs, service mode, preferred and blocked technicians, payment terms, and
// the completion checklist every completion of its repairs confirms (one item a line).
// The server checks the whole (e.g. lot walking needs a weekday) and audits before → after.
import type { FormEvent } from "react";
import { COMPLETION_CHECKLIST_MAX, FIELDS } from "~/domain";
import { type RouterOutputs, api } from "~/trpc/react";
import { CheckField, DollarsField, SelectField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { StaleCopiesNotice } from "./stale-copies-notice";
import { dollarsText, requiredCents, wholeNumber } from "../form-values";
import { useDraft } from "../use-draft";
import { FREQUENCIES, INVOICING_CADENCES, PAYMENT_TERMS, SERVICE_MODES } from "./fleet-options";
import { TechnicianChoice } from "./technician-choice";
import { WeekdayChecks } from "./weekday-checks";

type Settings = RouterOutputs["admin"]["customer"]["settings"];

const draftOf = (s: Settings) => ({
  fleetSize: String(s.fleetSize),
  lotWalkingEnabled: s.lotWalkingEnabled,
  lotWalkingWeekdays: s.lotWalkingWeekdays,
  lotWalkingFrequency: s.lotWalkingFrequency,
  lotWalkingTime: s.lotWalkingTime ?? "",
  autoApproveLotRepairs: s.autoApproveLotRepairs,
  maxAutoApprove: dollarsText(s.maxAutoApproveCents),
  requirePhotoForApproval: s.requirePhotoForApproval,
  serviceMode: s.serviceMode,
  paymentTerms: s.paymentTerms,
  invoicingCadence: s.invoicingCadence ?? ("DEFAULT" as const),
  technicians: { preferred: s.preferredTechnicians.map((t) => t.id), blocked: s.blockedTechnicians.map((t) => t.id) },
  completionChecklist: s.completionChecklist.join("\n"),
});

export function FleetSettingsForm({ customerId, settings }: { customerId: string; settings: Settings }) {
  const { draft, change, saved, submit, problem, edited } = useDraft(() => draftOf(settings));
  const utils = api.useUtils();
  const save = api.admin.updateFleetSettings.useMutation({
    onSuccess: (result) => {
      void utils.admin.staleOfflineCopies.invalidate({ customerId });
      saved(draftOf(result));
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { fleetSize, maxAutoApprove, lotWalkingTime, technicians, completionChecklist, invoicingCadence, ...rest } =
      draft;
    submit(
      () => ({
        ...rest,
        customerId,
        fleetSize: wholeNumber(fleetSize, "Fleet size"),
        lotWalkingTime: lotWalkingTime || null,
        invoicingCadence: invoicingCadence === "DEFAULT" ? null : invoicingCadence,
        maxAutoApproveCents: requiredCents(maxAutoApprove, "Auto-approve up to"),
        preferredTechnicianIds: technicians.preferred,
        blockedTechnicianIds: technicians.blocked,
        completionChecklist: completionChecklist.split("\n").filter((line) => line.trim() !== ""),
      }),
      save.mutate,
    );
  };

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="fleet-heading">
      <h3 id="fleet-heading">Fleet settings</h3>
      <div className="admin-row">
        <TextField
          id="fleet-size"
          label="Fleet size (vehicles)"
          inputMode="numeric"
          value={draft.fleetSize}
          onChange={(fleetSize) => change({ fleetSize })}
        />
        <SelectField
          id="service-mode"
          label="Service mode"
          value={draft.serviceMode}
          options={SERVICE_MODES}
          onChange={(serviceMode) => change({ serviceMode })}
        />
        <SelectField
          id="payment-terms"
          label="Payment terms"
          value={draft.paymentTerms}
          options={PAYMENT_TERMS}
          onChange={(paymentTerms) => change({ paymentTerms })}
        />
        <SelectField
          id="invoicing-cadence"
          label="Invoicing"
          value={draft.invoicingCadence}
          options={INVOICING_CADENCES}
          onChange={(invoicingCadence) => change({ invoicingCadence })}
        />
      </div>
      <CheckField
        label="Lot walking"
        checked={draft.lotWalkingEnabled}
        onChange={(lotWalkingEnabled) => change({ lotWalkingEnabled })}
      />
      <WeekdayChecks
        legend="Lot-walking days"
        value={draft.lotWalkingWeekdays}
        onChange={(lotWalkingWeekdays) => change({ lotWalkingWeekdays })}
      />
      <div className="admin-row">
        <SelectField
          id="walk-frequency"
          label="Frequency"
          value={draft.lotWalkingFrequency}
          options={FREQUENCIES}
          onChange={(lotWalkingFrequency) => change({ lotWalkingFrequency })}
        />
        <TextField
          id="walk-time"
          label="Time (optional)"
          type="time"
          value={draft.lotWalkingTime}
          onChange={(lotWalkingTime) => change({ lotWalkingTime })}
        />
      </div>
      <fieldset className="admin-fieldset">
        <legend>Approval of repairs found on a walk</legend>
        <CheckField
          label="Auto-approve lot repairs"
          checked={draft.autoApproveLotRepairs}
          onChange={(autoApproveLotRepairs) => change({ autoApproveLotRepairs })}
        />
        <DollarsField
          id="max-auto-approve"
          label="Auto-approve up to ($)"
          value={draft.maxAutoApprove}
          onChange={(maxAutoApprove) => change({ maxAutoApprove })}
        />
        <CheckField
          label="Photo required for approval"
          checked={draft.requirePhotoForApproval}
          onChange={(requirePhotoForApproval) => change({ requirePhotoForApproval })}
        />
      </fieldset>
      <TechnicianChoice value={draft.technicians} onChange={(technicians) => change({ technicians })} />
      <div className="admin-field">
        <label htmlFor="completion-checklist">Completion checklist</label>
        <textarea
          id="completion-checklist"
          rows={4}
          value={draft.completionChecklist}
          onChange={(e) => change({ completionChecklist: e.target.value })}
          aria-describedby="completion-checklist-hint"
        />
        <small id="completion-checklist-hint" className="muted">
          One item a line, at most {COMPLETION_CHECKLIST_MAX} items of {FIELDS.completionItem.maxLength} characters. The
          technician confirms every item to complete a repair; empty for none.
        </small>
      </div>
      <FormStatus error={save.error} problem={problem} saved={save.isSuccess && !edited} />
      <StaleCopiesNotice customerId={customerId} what="settings" />
      <button type="submit" disabled={save.isPending}>
        Save fleet settings
      </button>
    </form>
  );
}
