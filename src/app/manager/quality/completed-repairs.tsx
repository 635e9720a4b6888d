"use client";
// The office's recent completed repairs (a manager's team and unassigned work, every repair for an
// admin): each with its before/after photo pairs and "Warranty claim", so the office opens a claim
// for a customer who called in.
import { DAMAGE_LABELS, dateText, formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { PhotoPairs } from "../../_components/photo-pairs";
import { WarrantyClaim } from "../../_components/warranty-claim";

const DONE = ["COMPLETED", "INVOICED", "CLOSED"] as const;

export function CompletedRepairs() {
  const done = api.repair.list.useQuery({ status: [...DONE], limit: 20 });
  return (
    <section aria-labelledby="completed-heading">
      <h2 id="completed-heading">Completed repairs</h2>
      <QueryState
        isLoading={done.isLoading}
        error={done.error}
        isEmpty={!done.data?.items.length}
        empty="No completed repair yet."
      >
        <ul className="mgr-list">
          {done.data?.items.map((r) => {
            const what = `unit ${r.unit.unitNumber} (${r.customer.name})`;
            return (
              <li key={r.id} data-testid="completed-repair">
                <p>
                  <strong>
                    {DAMAGE_LABELS[r.damageType]} on unit {r.unit.unitNumber}
                  </strong>{" "}
                  · {r.customer.name} · completed {r.completedAt ? dateText(r.completedAt) : "–"}
                  {r.priceCents !== null && ` · ${formatCents(r.priceCents)}`}
                  {r.warrantyOfId && " · warranty redo"}
                </p>
                <PhotoPairs repairId={r.id} what={what} />
                {!r.warrantyOfId && <WarrantyClaim repairId={r.id} what={what} />}
              </li>
            );
          })}
        </ul>
      </QueryState>
    </section>
  );
}
