"use client";
// Preferred and blocked technicians of a customer. One technician cannot be both, so a name
// chosen in one list is unavailable in the other (the server refuses it too).
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { CheckField } from "../fields";

type Choice = { preferred: string[]; blocked: string[] };

export function TechnicianChoice({ value, onChange }: { value: Choice; onChange: (next: Choice) => void }) {
  const technicians = api.admin.technicians.useQuery();
  const list = technicians.data ?? [];
  const toggle = (list: keyof Choice, id: string, on: boolean) =>
    onChange({ ...value, [list]: on ? [...value[list], id] : value[list].filter((x) => x !== id) });
  const group = (key: keyof Choice, legend: string, other: keyof Choice, otherWord: string) => (
    <fieldset className="admin-fieldset">
      <legend>{legend}</legend>
      <div className="admin-checks">
        {list.map((t) => (
          <CheckField
            key={t.technicianId}
            label={t.name}
            checked={value[key].includes(t.technicianId)}
            disabled={value[other].includes(t.technicianId)}
            hint={value[other].includes(t.technicianId) ? `(${otherWord})` : t.isActive ? undefined : "(inactive)"}
            onChange={(on) => toggle(key, t.technicianId, on)}
          />
        ))}
      </div>
    </fieldset>
  );
  return (
    <QueryState
      isLoading={technicians.isLoading}
      error={technicians.error}
      isEmpty={list.length === 0}
      empty="No technicians yet."
    >
      <div className="admin-columns">
        {group("preferred", "Preferred technicians", "blocked", "blocked")}
        {group("blocked", "Blocked technicians", "preferred", "preferred")}
      </div>
    </QueryState>
  );
}
