"use client";
// One repair waiting for approval: its facts, a checkbox for deciding several at once, and
// approve, deny (with a reason) or change the price. Over the manager's limit it gets no
// decision buttons (the server filters such repairs out; this covers a stale list).
import { useState } from "react";
import { formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { CardQuickActions } from "./card-quick-actions";
import { PriceOverrideForm } from "./price-override-form";
import { ReasonForm } from "./reason-form";
import { ApprovalReason, RepairFacts } from "./repair-facts";
import { type ManagerRepair, currentCents } from "./types";
import { type ManagerRights, overLimit } from "./use-manager-rights";
import { useRefreshLists } from "./use-refresh-lists";

type Props = { repair: ManagerRepair; rights: ManagerRights; pin?: number; selected: boolean; onToggle: () => void };

export function ApprovalCard({ repair, rights, pin, selected, onToggle }: Props) {
  const refresh = useRefreshLists();
  const [open, setOpen] = useState<"deny" | "price" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const approve = api.repair.approve.useMutation({ onSuccess: refresh });
  const deny = api.repair.deny.useMutation({ onSuccess: refresh });
  const unit = repair.unit.unitNumber;
  const mayDecide = !overLimit(rights, currentCents(repair));
  const busy = approve.isPending || deny.isPending;
  const toggle = (panel: "deny" | "price") => setOpen((o) => (o === panel ? null : panel));

  return (
    <article className="mgr-card" id={`repair-${repair.id}`} aria-label={`Unit ${unit}`} tabIndex={-1}>
      {mayDecide && (
        <label className="mgr-select">
          <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`Select unit ${unit}`} />
        </label>
      )}
      <RepairFacts repair={repair} pin={pin} showCustomer={false}>
        <ApprovalReason repair={repair} />
      </RepairFacts>
      <CardQuickActions repair={repair} />
      {!mayDecide && rights.approvalLimitCents !== null && (
        <p className="notice">
          Over your {formatCents(rights.approvalLimitCents)} approval limit: someone with a higher limit decides on it.
        </p>
      )}
      {approve.error && (
        <p className="error" role="alert">
          {approve.error.message}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      <div className="mgr-actions">
        {mayDecide && (
          <>
            <button
              type="button"
              className="mgr-primary"
              onClick={() => approve.mutate({ ids: [repair.id] })}
              disabled={busy}
            >
              {approve.isPending ? "Approving…" : "Approve"}
              <span className="sr-only"> unit {unit}</span>
            </button>
            <button
              type="button"
              className="secondary"
              aria-expanded={open === "deny"}
              onClick={() => toggle("deny")}
              disabled={busy}
            >
              Deny…
            </button>
          </>
        )}
        {rights.canOverride && (
          <button
            type="button"
            className="secondary"
            aria-expanded={open === "price"}
            onClick={() => toggle("price")}
            disabled={busy}
          >
            Change price…
          </button>
        )}
      </div>
      {open === "deny" && (
        <ReasonForm
          label={`Why deny unit ${unit}?`}
          submitLabel={`Deny unit ${unit}`}
          placeholder="e.g. windshield replacement is booked"
          danger
          pending={deny.isPending}
          error={deny.error}
          onSubmit={(reason) => deny.mutate({ ids: [repair.id], reason })}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === "price" && (
        <PriceOverrideForm
          repair={repair}
          onDone={(message) => {
            setOpen(null);
            setNotice(message ?? null);
          }}
        />
      )}
    </article>
  );
}
