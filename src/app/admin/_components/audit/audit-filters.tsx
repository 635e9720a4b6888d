"use client";
// The audit log's filters: record type and id, who, action (exact, or a prefix ending in a
// dot), and a date range (both days included). Applied together with one button.
import { type FormEvent, useState } from "react";
import { api } from "~/trpc/react";
import { SelectField, TextField } from "../fields";

export type AuditFilter = {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** Days as typed (yyyy-mm-dd), both included, read in the business's time zone by the list, the CSV and the report. */
  from?: string;
  to?: string;
};

const ENTITY_TYPES = [
  ["", "Any record"],
  ...["Customer", "CustomerPricing", "Technician", "Unit", "User", "Repair", "LotWalk"].map((t) => [t, t] as const),
] as const;
const EMPTY = { entityType: "", entityId: "", actorId: "", action: "", from: "", to: "" };

function filterOf(d: typeof EMPTY): AuditFilter {
  return {
    entityType: d.entityType || undefined,
    entityId: d.entityId.trim() || undefined,
    actorId: d.actorId || undefined,
    action: d.action.trim() || undefined,
    from: d.from || undefined,
    to: d.to || undefined,
  };
}

export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const users = api.admin.users.useQuery({ limit: 200 });
  const actors = [
    ["", users.isLoading ? "Loading…" : "Anyone"] as const,
    ...(users.data?.items ?? []).map((u) => [u.id, `${u.name} (${u.email})`] as const),
  ];
  const set = (field: keyof typeof EMPTY) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filterOf(draft));
  };
  return (
    <form className="card" onSubmit={onSubmit} aria-label="Audit filters">
      <div className="admin-row">
        <SelectField
          id="audit-entity"
          label="Record"
          value={draft.entityType}
          options={ENTITY_TYPES}
          onChange={set("entityType")}
        />
        <TextField
          id="audit-entity-id"
          label="Record id (optional)"
          value={draft.entityId}
          onChange={set("entityId")}
          autoComplete="off"
        />
        <SelectField id="audit-actor" label="Who" value={draft.actorId} options={actors} onChange={set("actorId")} />
        <TextField
          id="audit-action"
          label="Action"
          value={draft.action}
          onChange={set("action")}
          placeholder="customer. or unit.import"
          hint="exact, or a prefix ending in a dot"
          autoComplete="off"
        />
        <TextField id="audit-from" label="From" type="date" value={draft.from} onChange={set("from")} />
        <TextField id="audit-to" label="To" type="date" value={draft.to} onChange={set("to")} />
      </div>
      {users.error && <p className="error">{users.error.message}</p>}
      <div className="admin-actions">
        <button type="submit">Show entries</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(EMPTY);
            onApply({});
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
