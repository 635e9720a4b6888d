"use client";
// Technicians and their rights, one expandable card each.
import { formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { TechnicianForm } from "./technician-form";

export function TechniciansPanel() {
  const technicians = api.admin.technicians.useQuery();
  const list = technicians.data ?? [];
  return (
    <div>
      <h2>Technicians</h2>
      <p className="muted">New technicians are created on the Users tab; their rights and hours are set here.</p>
      <QueryState
        isLoading={technicians.isLoading}
        error={technicians.error}
        isEmpty={list.length === 0}
        empty="No technicians yet: create a technician account on the Users tab."
      >
        {list.map((t) => (
          <details key={t.technicianId} className="card">
            <summary className="admin-summary">
              <strong>{t.name}</strong>
              <span className="muted"> · {t.email}</span>
              {t.isManager && (
                <span className="badge">
                  Manager · {t.approvalLimitCents === null ? "no limit" : `up to ${formatCents(t.approvalLimitCents)}`}
                </span>
              )}
              {!t.isActive && <span className="badge">Inactive</span>}
            </summary>
            <TechnicianForm technician={t} others={list.filter((o) => o.technicianId !== t.technicianId)} />
          </details>
        ))}
      </QueryState>
    </div>
  );
}
