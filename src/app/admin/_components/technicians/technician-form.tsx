"use client";
// One technician's rights: manager, approval limit in dollars (blank = no limit), may assign,
// may override prices, the technicians they manage, active, phone, working hours, the damage
// types they are skilled at and their base position (smart assignment's expertise and distance).
// The server refuses contradictions (a team without a manager, managing one's own manager).
import type { FormEvent } from "react";
import { DAMAGE_LABELS, DAMAGE_TYPES, type DamageTypeName } from "~/domain";
import { type RouterOutputs, api } from "~/trpc/react";
import { CheckField, DollarsField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { dollarsText, labelled, optionalCents, orNull } from "../form-values";
import { useDraft } from "../use-draft";
import { hoursDraft, workingHoursOf } from "./working-hours";
import { WorkingHoursFields } from "./working-hours-fields";

type Technician = RouterOutputs["admin"]["technicians"][number];

const draftOf = (t: Technician) => ({
  isManager: t.isManager,
  approvalLimit: dollarsText(t.approvalLimitCents),
  canAssignWork: t.canAssignWork,
  canOverridePricing: t.canOverridePricing,
  managedTechnicianIds: t.managedTechnicianIds,
  isActive: t.isActive,
  phone: t.phone ?? "",
  hours: hoursDraft(t.workingHours),
  skills: t.skills as DamageTypeName[],
  baseLatitude: t.baseLatitude === null ? "" : String(t.baseLatitude),
  baseLongitude: t.baseLongitude === null ? "" : String(t.baseLongitude),
});

/** A typed coordinate: blank = not set; the server checks the range. */
const coordinate = (text: string, label: string) =>
  text.trim()
    ? labelled(label, () => {
        const value = Number(text.trim());
        if (!Number.isFinite(value)) throw new Error(`"${text}" is not a number.`);
        return value;
      })
    : null;

export function TechnicianForm({ technician, others }: { technician: Technician; others: Technician[] }) {
  const id = `tech-${technician.technicianId}`;
  const { draft, change, saved, submit, problem, edited } = useDraft(() => draftOf(technician));
  const save = api.admin.updateTechnician.useMutation({ onSuccess: (result) => saved(draftOf(result)) });
  const toggleManaged = (otherId: string, on: boolean) =>
    change({
      managedTechnicianIds: on
        ? [...draft.managedTechnicianIds, otherId]
        : draft.managedTechnicianIds.filter((x) => x !== otherId),
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { approvalLimit, hours, phone, baseLatitude, baseLongitude, ...flags } = draft;
    submit(
      () => ({
        ...flags,
        technicianId: technician.technicianId,
        approvalLimitCents: optionalCents(approvalLimit, "Approval limit"),
        phone: orNull(phone),
        workingHours: workingHoursOf(hours),
        baseLatitude: coordinate(baseLatitude, "Base latitude"),
        baseLongitude: coordinate(baseLongitude, "Base longitude"),
      }),
      save.mutate,
    );
  };

  return (
    <form onSubmit={onSubmit} aria-label={`Rights of ${technician.name}`}>
      <div className="admin-checks">
        <CheckField label="Active" checked={draft.isActive} onChange={(isActive) => change({ isActive })} />
        <CheckField label="Manager" checked={draft.isManager} onChange={(isManager) => change({ isManager })} />
        <CheckField
          label="Can assign work"
          checked={draft.canAssignWork}
          onChange={(canAssignWork) => change({ canAssignWork })}
        />
        <CheckField
          label="Can override prices"
          checked={draft.canOverridePricing}
          onChange={(canOverridePricing) => change({ canOverridePricing })}
        />
      </div>
      <div className="admin-row">
        <DollarsField
          id={`${id}-limit`}
          label="Approval limit ($)"
          value={draft.approvalLimit}
          onChange={(approvalLimit) => change({ approvalLimit })}
          placeholder="No limit"
          hint="Blank = no limit"
        />
        <TextField
          id={`${id}-phone`}
          label="Phone"
          type="tel"
          value={draft.phone}
          onChange={(phone) => change({ phone })}
        />
      </div>
      <fieldset className="admin-fieldset">
        <legend>Manages</legend>
        {others.length === 0 ? (
          <p className="muted">No other technicians.</p>
        ) : (
          <div className="admin-checks">
            {others.map((o) => (
              <CheckField
                key={o.technicianId}
                label={o.name}
                checked={draft.managedTechnicianIds.includes(o.technicianId)}
                onChange={(on) => toggleManaged(o.technicianId, on)}
              />
            ))}
          </div>
        )}
      </fieldset>
      <WorkingHoursFields idPrefix={id} value={draft.hours} onChange={(hours) => change({ hours })} />
      <fieldset className="admin-fieldset">
        <legend>Skills</legend>
        <div className="admin-checks">
          {DAMAGE_TYPES.map((type) => (
            <CheckField
              key={type}
              label={DAMAGE_LABELS[type]}
              checked={draft.skills.includes(type)}
              onChange={(on) =>
                change({ skills: on ? [...draft.skills, type] : draft.skills.filter((x) => x !== type) })
              }
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>Base position</legend>
        <div className="admin-row">
          <TextField
            id={`${id}-lat`}
            label="Latitude"
            inputMode="decimal"
            value={draft.baseLatitude}
            onChange={(baseLatitude) => change({ baseLatitude })}
            placeholder="39.7392"
          />
          <TextField
            id={`${id}-lng`}
            label="Longitude"
            inputMode="decimal"
            value={draft.baseLongitude}
            onChange={(baseLongitude) => change({ baseLongitude })}
            placeholder="-104.9903"
            hint="Both or neither; where the day starts"
          />
        </div>
      </fieldset>
      <FormStatus error={save.error} problem={problem} saved={save.isSuccess && !edited} />
      <button type="submit" disabled={save.isPending}>
        Save {technician.name}
      </button>
    </form>
  );
}
