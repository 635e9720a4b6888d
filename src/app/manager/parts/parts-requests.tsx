"use client";
// The office's parts requests: what technicians asked for from a repair card, urgent first,
// oldest first. Acknowledging and fulfilling are what the technician's phone then shows.
import { useState } from "react";
import { PARTS_STATUS_LABELS, PARTS_URGENCY_LABELS, type PartsStatus, dateTimeText } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { ManagerNav } from "../_components/manager-nav";

const VIEWS: Record<string, PartsStatus[]> = {
  Open: ["REQUESTED", "ACKNOWLEDGED"],
  Done: ["FULFILLED", "CANCELLED"],
};

export function PartsRequests() {
  const [view, setView] = useState<keyof typeof VIEWS>("Open");
  const list = api.parts.list.useQuery({ statuses: VIEWS[view] });
  const utils = api.useUtils();
  const advance = api.parts.advance.useMutation({ onSuccess: () => utils.parts.invalidate() });
  const requests = list.data?.requests ?? [];
  return (
    <section className="mgr">
      <h1>Parts requests</h1>
      <ManagerNav />
      <div className="mgr-actions" role="group" aria-label="Show">
        {Object.keys(VIEWS).map((name) => (
          <button key={name} type="button" aria-pressed={view === name} onClick={() => setView(name)}>
            {name}
          </button>
        ))}
      </div>
      {advance.error && (
        <p className="error" role="alert">
          {advance.error.message}
        </p>
      )}
      <QueryState
        isLoading={list.isLoading}
        error={list.error}
        isEmpty={requests.length === 0}
        empty={view === "Open" ? "No parts are waiting." : "Nothing fulfilled or cancelled yet."}
      >
        {list.data?.truncated && <p className="notice">Only the oldest are shown.</p>}
        <div className="mgr-cards">
          {requests.map((r) => (
            <article key={r.id} className="mgr-card" aria-label={`Parts for unit ${r.repair.unitNumber}: ${r.item}`}>
              <h2 className="mgr-unit">
                {r.quantity} × {r.item}
                {r.urgency === "URGENT" && <span className="badge mgr-urgent">{PARTS_URGENCY_LABELS.URGENT}</span>}
              </h2>
              <dl className="mgr-facts">
                <div>
                  <dt>Repair</dt>
                  <dd>
                    Unit {r.repair.unitNumber} · {r.repair.customer.name}
                  </dd>
                </div>
                <div>
                  <dt>Technician</dt>
                  <dd>{r.repair.technician?.name ?? "Not assigned"}</dd>
                </div>
                <div>
                  <dt>Status</dt>
                  <dd data-testid="parts-status">{PARTS_STATUS_LABELS[r.status]}</dd>
                </div>
                <div>
                  <dt>Asked</dt>
                  <dd>{dateTimeText(r.createdAt)}</dd>
                </div>
              </dl>
              {r.note && <p className="mgr-line">{r.note}</p>}
              {(r.status === "REQUESTED" || r.status === "ACKNOWLEDGED") && (
                <div className="mgr-actions">
                  {r.status === "REQUESTED" && (
                    <button
                      type="button"
                      disabled={advance.isPending}
                      onClick={() => advance.mutate({ id: r.id, step: "acknowledge" })}
                    >
                      Acknowledge
                    </button>
                  )}
                  <button
                    type="button"
                    className="mgr-primary"
                    disabled={advance.isPending}
                    onClick={() => advance.mutate({ id: r.id, step: "fulfil" })}
                  >
                    Fulfil
                  </button>
                  <button
                    type="button"
                    className="mgr-danger"
                    disabled={advance.isPending}
                    onClick={() => advance.mutate({ id: r.id, step: "cancel" })}
                  >
                    Cancel request
                  </button>
                </div>
              )}
            </article>
          ))}
        </div>
      </QueryState>
    </section>
  );
}
