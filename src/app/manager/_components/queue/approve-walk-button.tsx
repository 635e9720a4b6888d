"use client";
// "Approve whole walk", at the top of the walk: a confirmation that states what will be approved
// (every waiting repair of the walk within this manager's rights, filters aside) and its total.
// The server approves exactly that count or nothing (WALK_CHANGED), so the confirmation is true.
import { useEffect, useId, useRef, useState } from "react";
import { formatCents } from "~/domain";
import { api } from "~/trpc/react";
import type { WalkApproval } from "../types";

type Props = {
  walkId: string;
  walkLabel: string;
  count: number;
  totalCents: number;
  disabled?: boolean;
  onApproved: (result: WalkApproval) => void;
};

export function ApproveWalkButton({ walkId, walkLabel, count, totalCents, disabled, onApproved }: Props) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const approveWalk = api.manager.approveWalk.useMutation({
    onSuccess: (result) => {
      setConfirming(false);
      onApproved(result);
    },
  });
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const close = () => {
    setConfirming(false);
    approveWalk.reset();
    opener.current?.focus();
  };
  const repairs = `${count} ${count === 1 ? "repair" : "repairs"}`;

  return (
    <div className="mgr-walk-approve">
      <button
        ref={opener}
        type="button"
        className="mgr-primary"
        aria-expanded={confirming}
        aria-controls={confirming ? `${id}-confirm` : undefined}
        aria-describedby={`${id}-walk`}
        disabled={disabled || approveWalk.isPending}
        onClick={() => (confirming ? close() : setConfirming(true))}
      >
        Approve whole walk
      </button>
      <span id={`${id}-walk`} hidden>
        {walkLabel}
      </span>
      {confirming && (
        <div
          id={`${id}-confirm`}
          className="mgr-confirm"
          role="group"
          aria-labelledby={`${id}-question`}
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
        >
          <p id={`${id}-question`}>
            <strong>
              Approve {repairs} for {formatCents(totalCents)}?
            </strong>{" "}
            Every repair of this walk waiting for your approval, including any the filters hide. You can undo for 10
            seconds.
          </p>
          {approveWalk.error && (
            <p className="error" role="alert">
              {approveWalk.error.message}
            </p>
          )}
          <div className="mgr-actions">
            <button
              ref={confirmButton}
              type="button"
              className="mgr-primary"
              disabled={approveWalk.isPending}
              onClick={() => approveWalk.mutate({ walkId, expectedCount: count })}
            >
              {approveWalk.isPending ? "Approving…" : `Approve ${repairs}`}
            </button>
            <button type="button" className="secondary" onClick={close} disabled={approveWalk.isPending}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
