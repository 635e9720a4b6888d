"use client";
// Decisions on several repairs of one group at once: the selected ones (all or none, as the
// server applies them) or every repair of the walk this manager may approve.
import { useState } from "react";
import { api } from "~/trpc/react";
import { ReasonForm } from "./reason-form";
import type { WalkApproval } from "./types";
import { useRefreshLists } from "./use-refresh-lists";

type Props = {
  selectedIds: string[];
  walkId: string | null;
  walkLabel: string;
  onDecided: () => void;
  onWalkApproved: (result: WalkApproval) => void;
};

export function GroupDecisions({ selectedIds, walkId, walkLabel, onDecided, onWalkApproved }: Props) {
  const refresh = useRefreshLists();
  const [denying, setDenying] = useState(false);
  const done = async () => {
    setDenying(false);
    onDecided();
    await refresh();
  };
  const approve = api.repair.approve.useMutation({ onSuccess: done });
  const deny = api.repair.deny.useMutation({ onSuccess: done });
  const approveWalk = api.manager.approveWalk.useMutation({
    onSuccess: async (result) => {
      onWalkApproved(result);
      await done();
    },
  });
  const busy = approve.isPending || deny.isPending || approveWalk.isPending;
  const count = selectedIds.length;
  const error = approve.error ?? approveWalk.error;

  return (
    <div className="mgr-group-actions">
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <div className="mgr-actions">
        <button type="button" disabled={!count || busy} onClick={() => approve.mutate({ ids: selectedIds })}>
          {approve.isPending ? "Approving…" : count ? `Approve ${count} selected` : "Approve selected"}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!count || busy}
          aria-expanded={denying}
          onClick={() => setDenying((d) => !d)}
        >
          {count ? `Deny ${count} selected…` : "Deny selected…"}
        </button>
        {walkId && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => approveWalk.mutate({ walkId })}
            aria-label={`Approve the whole walk: ${walkLabel}`}
          >
            {approveWalk.isPending ? "Approving…" : "Approve whole walk"}
          </button>
        )}
      </div>
      {denying && count > 0 && (
        <ReasonForm
          label={`Why deny the ${count} selected?`}
          submitLabel={`Deny ${count} ${count === 1 ? "repair" : "repairs"}`}
          placeholder="e.g. vehicles are going to auction"
          danger
          pending={deny.isPending}
          error={deny.error}
          onSubmit={(reason) => deny.mutate({ ids: selectedIds, reason })}
          onCancel={() => setDenying(false)}
        />
      )}
    </div>
  );
}
