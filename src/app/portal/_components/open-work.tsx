"use client";
// The customer's repairs in motion, with the status in words.
import { DAMAGE_LABELS, STATUS_LABELS, formatCents } from "~/domain";
import { api } from "~/trpc/react";
import type { ThreadSubject } from "../../_components/message-centre";
import { ShowAllRows, useFirstRows } from "../../_components/first-rows";
import { QueryState } from "../../_components/query-state";

export function OpenWork({ onMessage }: { onMessage: (subject: ThreadSubject) => void }) {
  const open = api.repair.list.useQuery({ status: ["REQUESTED", "APPROVED", "ASSIGNED", "IN_PROGRESS"], limit: 100 });
  const items = open.data?.items ?? [];
  const rows = useFirstRows(items);
  return (
    <div className="card">
      <h2>Open work</h2>
      <QueryState
        isLoading={open.isLoading}
        error={open.error}
        isEmpty={items.length === 0}
        empty="No repairs are open right now."
      >
        <table>
          <thead>
            <tr>
              <th>Unit</th>
              <th>Damage</th>
              <th>Status</th>
              <th>Price</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((r) => (
              <tr key={r.id} id={`repair-${r.id}`}>
                <td>{r.unit.unitNumber}</td>
                <td>{DAMAGE_LABELS[r.damageType]}</td>
                <td>
                  <span className="badge">{STATUS_LABELS[r.status]}</span>
                </td>
                <td>{r.estimateCents === null ? "—" : formatCents(r.estimateCents)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      onMessage({ repairId: r.id, title: `Unit ${r.unit.unitNumber} · ${DAMAGE_LABELS[r.damageType]}` })
                    }
                  >
                    Messages about {r.unit.unitNumber}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ShowAllRows hidden={rows.hidden} total={items.length} onShowAll={rows.showAll} />
      </QueryState>
    </div>
  );
}
