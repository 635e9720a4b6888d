"use client";
// The audit trail: filtered, newest first, a page at a time. Record ids
// of technicians and customers are shown by name.
import { keepPreviousData } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { type AuditFilter, AuditFilters } from "./audit-filters";
import { AuditEntry } from "./audit-entry";
import { AuditPager } from "./audit-pager";
import { AuditReport } from "./audit-report";

const PAGE = 20;

export function AuditPanel() {
  const [filter, setFilter] = useState<AuditFilter>({});
  // The cursors of the pages before this one: Previous pops, Next pushes.
  const [cursors, setCursors] = useState<string[]>([]);
  const log = api.admin.auditLog.useQuery(
    { ...filter, cursor: cursors.at(-1), limit: PAGE },
    { placeholderData: keepPreviousData },
  );
  const names = useNames();
  const items = log.data?.items ?? [];
  const nextCursor = log.data?.nextCursor ?? null;
  return (
    <div>
      <h2>Audit log</h2>
      <AuditFilters
        onApply={(next) => {
          setFilter(next);
          setCursors([]);
        }}
      />
      <QueryState
        isLoading={log.isLoading}
        error={log.error}
        isEmpty={items.length === 0}
        empty="No audit entries match these filters."
      >
        <ol className="admin-log" aria-label="Audit entries">
          {items.map((entry) => (
            <AuditEntry key={entry.id} entry={entry} names={names} />
          ))}
        </ol>
      </QueryState>
      <p>
        <a href={csvHref(filter)} download>
          Download the filtered audit log (CSV)
        </a>
      </p>
      <AuditPager
        page={cursors.length + 1}
        busy={log.isFetching}
        onNewer={cursors.length > 0 ? () => setCursors((c) => c.slice(0, -1)) : null}
        onOlder={nextCursor ? () => setCursors((c) => [...c, nextCursor]) : null}
      />
      <AuditReport fromDay={filter.from} toDay={filter.to} />
    </div>
  );
}

/** The CSV of the same filters (days in the business's time zone, both included). */
function csvHref(filter: AuditFilter): string {
  const query = new URLSearchParams();
  for (const key of ["entityType", "entityId", "actorId", "action", "from", "to"] as const)
    if (filter[key]) query.set(key, filter[key]);
  return `/api/admin/audit-csv?${query.toString()}`;
}

function useNames() {
  const technicians = api.admin.technicians.useQuery();
  const customers = api.admin.customers.useQuery({});
  return useMemo(
    () =>
      new Map<string, string>([
        ...(technicians.data ?? []).map((t) => [t.technicianId, t.name] as const),
        ...(customers.data ?? []).map((c) => [c.id, c.name] as const),
      ]),
    [technicians.data, customers.data],
  );
}
