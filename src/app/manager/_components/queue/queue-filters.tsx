"use client";
// The queue's search, filters and sort. Every choice is sent to the server (manager.queue), which
// answers the first page of what matches; typing in the search waits for a pause before asking.
import { useEffect, useId, useState } from "react";
import type { RouterOutputs } from "~/trpc/react";
import type { QueueFilters } from "./queue-defaults";
type Facets = RouterOutputs["manager"]["queue"]["facets"];

export const STATUS_CHOICES = [
  ["PENDING_APPROVAL", "Waiting for approval"],
  ["APPROVED", "Approved, not assigned"],
  ["REQUESTED", "Requested by customers"],
] as const;
const SORT_CHOICES = [
  ["urgency", "Urgent first, then newest"],
  ["oldest", "Oldest first"],
  ["newest", "Newest first"],
  ["price", "Highest price first"],
] as const;
const AGE_CHOICES = [
  ["", "Any age"],
  ["1", "1 day or more"],
  ["3", "3 days or more"],
  ["7", "a week or more"],
] as const;

const SEARCH_PAUSE_MS = 300;

export function QueueFiltersForm({
  value,
  facets,
  onChange,
}: {
  value: QueueFilters;
  facets: Facets | undefined;
  onChange: (next: QueueFilters) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState(value.search ?? "");
  useEffect(() => {
    if ((value.search ?? "") === search.trim()) return;
    const timer = setTimeout(() => onChange({ ...value, search: search.trim() || undefined }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, value, onChange]);
  const set = (patch: Partial<QueueFilters>) => onChange({ ...value, ...patch });
  const filtered =
    value.customerId || value.technicianId || value.flagged || value.urgent || value.olderThanDays || value.search;

  return (
    <form
      className="mgr-filters"
      role="search"
      aria-label="Search and filter the queue"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="mgr-filter mgr-filter-search">
        <label htmlFor={`${id}-search`}>Search unit, customer or technician</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          autoComplete="off"
          maxLength={100}
          placeholder="e.g. TRK-104 or Acme"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <div className="mgr-filter">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={value.status ?? "PENDING_APPROVAL"}
          onChange={(e) => set({ status: e.target.value as QueueFilters["status"] })}
        >
          {STATUS_CHOICES.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="mgr-filter">
        <label htmlFor={`${id}-customer`}>Customer</label>
        <select
          id={`${id}-customer`}
          value={value.customerId ?? ""}
          onChange={(e) => set({ customerId: e.target.value || undefined })}
        >
          <option value="">All customers</option>
          {facets?.customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.count})
            </option>
          ))}
        </select>
      </div>
      <div className="mgr-filter">
        <label htmlFor={`${id}-technician`}>Technician</label>
        <select
          id={`${id}-technician`}
          value={value.technicianId ?? ""}
          onChange={(e) => set({ technicianId: e.target.value || undefined })}
        >
          <option value="">All technicians</option>
          {facets?.technicians.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.count})
            </option>
          ))}
        </select>
      </div>
      <div className="mgr-filter">
        <label htmlFor={`${id}-age`}>Waiting</label>
        <select
          id={`${id}-age`}
          value={value.olderThanDays ? String(value.olderThanDays) : ""}
          onChange={(e) => set({ olderThanDays: e.target.value ? Number(e.target.value) : undefined })}
        >
          {AGE_CHOICES.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="mgr-filter">
        <label htmlFor={`${id}-sort`}>Sort</label>
        <select
          id={`${id}-sort`}
          value={value.sort ?? "urgency"}
          onChange={(e) => set({ sort: e.target.value as QueueFilters["sort"] })}
        >
          {SORT_CHOICES.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <label className="mgr-check mgr-filter-check">
        <input
          type="checkbox"
          checked={value.flagged === true}
          onChange={(e) => set({ flagged: e.target.checked || undefined })}
        />
        Flagged only
      </label>
      <label className="mgr-check mgr-filter-check">
        <input
          type="checkbox"
          checked={value.urgent === true}
          onChange={(e) => set({ urgent: e.target.checked || undefined })}
        />
        Urgent only
      </label>
      {filtered && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setSearch("");
            onChange({ status: value.status, sort: value.sort });
          }}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
