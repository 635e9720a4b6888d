"use client";
// Repairs found on a lot walk that wait for this customer's decision: one by one or in bulk.
import { useEffect, useState } from "react";
import { DAMAGE_LABELS, formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { ShowAllRows, useFirstRows } from "../../_components/first-rows";
import { QueryState } from "../../_components/query-state";
import { useSelection } from "../../_components/use-selection";

export function PendingApprovals() {
  const utils = api.useUtils();
  const pending = api.repair.list.useQuery({ status: ["PENDING_APPROVAL"], limit: 100 });
  const { selected, toggle, select: setSelected } = useSelection();
  const [reason, setReason] = useState("");
  const refresh = () => {
    setSelected([]);
    setReason("");
    void utils.repair.list.invalidate();
  };
  const approve = api.repair.approve.useMutation({ onSuccess: refresh });
  const deny = api.repair.deny.useMutation({ onSuccess: refresh });
  const items = pending.data?.items ?? [];
  const rows = useFirstRows(items);
  const ids = [...selected];
  // A notification's link (/portal?repair=<id>#repair-<id>) lands on its repair once the list is
  // drawn, the whole list when that repair is not among the first rows.
  const { showAll } = rows;
  const listed = pending.data?.items;
  const count = listed?.length ?? 0;
  useEffect(() => {
    if (!window.location.hash.startsWith("#repair-")) return;
    const id = window.location.hash.slice("#repair-".length);
    const target = document.getElementById(`repair-${id}`);
    if (!target && listed?.some((r) => r.id === id)) return showAll();
    target?.scrollIntoView({ block: "center" });
    target?.setAttribute("aria-current", "true");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per list size, not per poll's new answer
  }, [count, rows.hidden, showAll]);
  const error = approve.error ?? deny.error;

  return (
    <div className="card">
      <h2>Waiting for your approval</h2>
      <QueryState
        isLoading={pending.isLoading}
        error={pending.error}
        isEmpty={items.length === 0}
        empty="Nothing waits for your approval."
      >
        <table>
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={selected.size === items.length}
                  onChange={(e) => setSelected(e.target.checked ? items.map((r) => r.id) : [])}
                />
              </th>
              <th>Unit</th>
              <th>Damage</th>
              <th>Price</th>
              <th>Why it needs you</th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((r) => (
              <tr key={r.id} id={`repair-${r.id}`}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select unit ${r.unit.unitNumber}`}
                    checked={selected.has(r.id)}
                    onChange={() => toggle(r.id)}
                  />
                </td>
                <td>{r.unit.unitNumber}</td>
                <td>
                  {DAMAGE_LABELS[r.damageType]}
                  {r.damagePosition ? `, ${r.damagePosition}` : ""}
                </td>
                <td>{r.estimateCents === null ? "—" : formatCents(r.estimateCents)}</td>
                <td className="muted">{r.approvalReason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ShowAllRows hidden={rows.hidden} total={items.length} onShowAll={rows.showAll} />
        <label htmlFor="deny-reason">Reason (needed to deny)</label>
        <input
          id="deny-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. vehicle is due for a windshield replacement"
        />
        {error && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
        <p style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
          <button type="button" disabled={!ids.length || approve.isPending} onClick={() => approve.mutate({ ids })}>
            Approve {ids.length || ""} selected
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!ids.length || !reason.trim() || deny.isPending}
            onClick={() => deny.mutate({ ids, reason })}
          >
            Deny {ids.length || ""} selected
          </button>
        </p>
      </QueryState>
    </div>
  );
}
