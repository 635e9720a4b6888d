"use client";
// What a whole walk's approval did, with "Undo" for 10 seconds: the server puts every approved
// repair back to waiting exactly as it was (manager.undoApproval), or refuses once too late.
import { useEffect, useState } from "react";
import { UNDO_APPROVAL_SECONDS, formatCents } from "~/domain";
import { api } from "~/trpc/react";
import type { WalkApproval } from "../types";
import { useRefreshLists } from "../use-refresh-lists";

export type ApprovedWalk = { result: WalkApproval; label: string; at: number };

export function UndoBar({ approved, onClose }: { approved: ApprovedWalk; onClose: () => void }) {
  const refresh = useRefreshLists();
  const [now, setNow] = useState(() => Date.now());
  const undo = api.manager.undoApproval.useMutation({ onSuccess: () => refresh() });
  const left = Math.max(0, UNDO_APPROVAL_SECONDS - Math.floor((now - approved.at) / 1000));
  useEffect(() => {
    if (left === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [left]);
  const { result } = approved;
  const count = result.approved.length;
  const repairs = `${count} ${count === 1 ? "repair" : "repairs"}`;

  return (
    <div className="mgr-undo" role="status" aria-live="polite">
      {undo.isSuccess ? (
        <p>
          Undone: {repairs} of {approved.label} wait for approval again.
        </p>
      ) : (
        <p>
          Approved {repairs} of {approved.label}.
          {result.skipped.length > 0 && ` ${result.skipped.length} left waiting:`}
        </p>
      )}
      {result.skipped.length > 0 && !undo.isSuccess && (
        <ul>
          {result.skipped.map((s) => (
            <li key={s.repairId}>
              Unit {s.unitNumber}
              {s.estimateCents !== null && ` (${formatCents(s.estimateCents)})`}: {s.reason}
            </li>
          ))}
        </ul>
      )}
      {undo.error && (
        <p className="error" role="alert">
          {undo.error.message}
        </p>
      )}
      <div className="mgr-actions">
        {count > 0 && left > 0 && !undo.isSuccess && (
          <button
            type="button"
            className="mgr-primary"
            disabled={undo.isPending}
            onClick={() => undo.mutate({ ids: result.approved.map((r) => r.id) })}
          >
            {undo.isPending ? "Undoing…" : `Undo (${left} s)`}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose} disabled={undo.isPending}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
