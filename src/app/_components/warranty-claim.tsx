"use client";
// "Warranty claim" on a completed repair (the office's quality page, the portal's fleet history):
// a reason, then a $0 follow-up linked to the original, or the refusal (an expired warranty names
// its last day).
import { useId, useState } from "react";
import { api } from "~/trpc/react";

export function WarrantyClaim({ repairId, what }: { repairId: string; what: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [claimId] = useState(() => crypto.randomUUID());
  const utils = api.useUtils();
  const claim = api.quality.openWarrantyClaim.useMutation({ onSuccess: () => void utils.invalidate() });
  const reasonId = useId();
  if (claim.data)
    return (
      <p role="status">
        Warranty repair opened for {what}: $0, linked to the original (warranty until {claim.data.warrantyEndsOn}).
      </p>
    );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={`Warranty claim for ${what}`}>
        Warranty claim
      </button>
    );
  return (
    <form
      aria-label={`Warranty claim for ${what}`}
      onSubmit={(event) => {
        event.preventDefault();
        claim.mutate({ id: claimId, repairId, reason });
      }}
    >
      <label htmlFor={reasonId}>What went wrong</label>
      <textarea id={reasonId} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      {claim.error && <p role="alert">{claim.error.message}</p>}
      <button type="submit" disabled={claim.isPending || !reason.trim()}>
        Open warranty claim
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
