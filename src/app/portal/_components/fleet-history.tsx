"use client";
// The customer's units with their repair history on the current windshield.
import { DAMAGE_LABELS, STATUS_LABELS, formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";

export function FleetHistory() {
  const units = api.unit.listForCustomer.useQuery({});
  const list = units.data ?? [];
  return (
    <div className="card">
      <h2>Units</h2>
      <QueryState isLoading={units.isLoading} error={units.error} isEmpty={list.length === 0} empty="No units are on file for your fleet yet.">
        <p className="muted">
          {list.length} units · {list.reduce((n, u) => n + u.completedOnWindshield, 0)} repairs completed on current windshields
        </p>
        {list.map((u) => (
          <details key={u.id}>
            <summary style={{ minHeight: 44, padding: "0.5rem 0", cursor: "pointer" }}>
              <strong>{u.unitNumber}</strong> {u.make ? `${u.make} ${u.model ?? ""}` : ""} · {u.history.length ? `${u.history.length} repairs` : "no repairs"}
              {u.windshieldSeq > 1 ? ` · windshield #${u.windshieldSeq}` : ""}
            </summary>
            {u.history.length === 0 ? (
              <p className="muted">No repairs on this windshield.</p>
            ) : (
              <table>
                <tbody>
                  {u.history.map((r) => (
                    <tr key={r.id}>
                      <td>{(r.completedAt ?? r.createdAt).toLocaleDateString()}</td>
                      <td>{DAMAGE_LABELS[r.damageType]}</td>
                      <td>{STATUS_LABELS[r.status]}</td>
                      <td>{formatCents(r.priceCents ?? r.estimateCents ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </details>
        ))}
      </QueryState>
    </div>
  );
}
