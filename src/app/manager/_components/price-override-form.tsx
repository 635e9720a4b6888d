"use client";
// A manager replaces a repair's price, with a reason. Whether the amount is allowed (limit,
// status, right to override) is the server's call: its refusal is shown as written.
import { type FormEvent, useId, useState } from "react";
import { FIELDS, dollarsToCents, formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { type ManagerRepair, currentCents } from "./types";
import { useRefreshLists } from "./use-refresh-lists";

export function PriceOverrideForm({ repair, onDone }: { repair: ManagerRepair; onDone: (message?: string) => void }) {
  const id = useId();
  const refresh = useRefreshLists();
  const current = currentCents(repair);
  const [amount, setAmount] = useState(current === null ? "" : (current / 100).toFixed(2));
  const [reason, setReason] = useState("");
  const [inputError, setInputError] = useState<string | null>(null);
  const override = api.repair.overridePrice.useMutation({
    onSuccess: async (saved) => {
      await refresh();
      onDone(
        `Price of unit ${repair.unit.unitNumber} set to ${formatCents(saved.priceCents ?? saved.estimateCents ?? 0)}.`,
      );
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setInputError(null);
    let amountCents: number;
    try {
      amountCents = dollarsToCents(amount);
    } catch {
      setInputError("Enter the price in dollars, for example 42.50.");
      return;
    }
    override.mutate({ repairId: repair.id, amountCents, reason });
  };

  const error = inputError ?? override.error?.message;
  return (
    <form className="mgr-inline-form" onSubmit={submit} aria-label={`New price for unit ${repair.unit.unitNumber}`}>
      <label htmlFor={`${id}-amount`}>
        New price in dollars{current !== null ? ` (now ${formatCents(current)})` : ""}
      </label>
      <input
        id={`${id}-amount`}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        required
        autoFocus
      />
      <label htmlFor={`${id}-reason`}>Reason for the new price</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={FIELDS.reason.maxLength}
        required
        placeholder="e.g. long crack: extra resin and time"
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="mgr-actions">
        <button type="submit" disabled={!amount.trim() || !reason.trim() || override.isPending}>
          {override.isPending ? "Saving…" : "Save price"}
        </button>
        <button type="button" className="secondary" onClick={() => onDone()} disabled={override.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
