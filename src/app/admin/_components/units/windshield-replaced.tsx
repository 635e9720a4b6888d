"use client";
// Marks a unit's windshield replaced, after a confirmation: tier pricing restarts at the 1st
// repair and the old windshield's history stays visible.
import { useState } from "react";
import { api } from "~/trpc/react";
import { FormStatus } from "../form-status";

export function WindshieldReplaced({ unitId, unitNumber }: { unitId: string; unitNumber: string }) {
  const utils = api.useUtils();
  const [asking, setAsking] = useState(false);
  const mark = api.unit.markWindshieldReplaced.useMutation({
    onSuccess: () => {
      setAsking(false);
      void utils.unit.fleet.invalidate();
    },
  });
  if (!asking) {
    return (
      <>
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          Windshield replaced…
        </button>
        <FormStatus
          error={mark.error}
          saved={mark.isSuccess}
          savedText={mark.data ? `Windshield #${mark.data.windshieldSeq} on file` : "Saved"}
        />
      </>
    );
  }
  return (
    <div role="group" aria-label={`Confirm windshield replaced on ${unitNumber}`} className="notice admin-confirm">
      <p>Mark the windshield of {unitNumber} replaced? Pricing restarts at the 1st repair; the old history stays.</p>
      <div className="admin-actions">
        <button
          type="button"
          className="admin-danger"
          autoFocus
          disabled={mark.isPending}
          onClick={() => mark.mutate({ unitId })}
        >
          Yes, windshield replaced
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      <FormStatus error={mark.error} />
    </div>
  );
}
