"use client";
// A customer's repair request. The price is shown before submitting: the request is the
// approval (single approval, DOMAIN.md), so the button names the amount.
import { type FormEvent, useState } from "react";
import { DAMAGE_LABELS, DAMAGE_TYPES, type DamageTypeName, formatCents } from "~/domain";
import { api } from "~/trpc/react";

export function RequestRepairForm() {
  const utils = api.useUtils();
  const units = api.unit.listForCustomer.useQuery({});
  const [unitId, setUnitId] = useState("");
  const [damageType, setDamageType] = useState<DamageTypeName>("CHIP");
  const [position, setPosition] = useState("");
  const [notes, setNotes] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const estimate = api.repair.estimateForUnit.useQuery({ unitId }, { enabled: Boolean(unitId) });
  const request = api.repair.request.useMutation({
    onSuccess: (repair) => {
      setDone(`Requested for unit ${units.data?.find((u) => u.id === repair.unitId)?.unitNumber ?? ""} at ${formatCents(repair.estimateCents ?? 0)}.`);
      setPosition("");
      setNotes("");
      void utils.repair.list.invalidate();
      void utils.repair.estimateForUnit.invalidate();
    },
  });
  const quote = estimate.data?.lines[0];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    request.mutate({ id: crypto.randomUUID(), unitId, damageType, damagePosition: position || undefined, customerNotes: notes });
  }

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="request-heading">
      <h2 id="request-heading">Request a repair</h2>
      {units.error && <p className="error" role="alert">{units.error.message}</p>}
      <label htmlFor="request-unit">Unit</label>
      <select id="request-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)} required disabled={units.isLoading}>
        <option value="">{units.isLoading ? "Loading units…" : "Choose a unit"}</option>
        {units.data?.map((u) => (
          <option key={u.id} value={u.id}>
            {u.unitNumber}
            {u.make ? ` · ${u.make} ${u.model ?? ""}` : ""}
          </option>
        ))}
      </select>
      <label htmlFor="request-damage">Damage</label>
      <select id="request-damage" value={damageType} onChange={(e) => setDamageType(e.target.value as DamageTypeName)}>
        {DAMAGE_TYPES.map((t) => (
          <option key={t} value={t}>
            {DAMAGE_LABELS[t]}
          </option>
        ))}
      </select>
      <label htmlFor="request-position">Where on the windshield (optional)</label>
      <input id="request-position" value={position} onChange={(e) => setPosition(e.target.value)} placeholder="e.g. passenger side, lower" maxLength={200} />
      <label htmlFor="request-notes">Notes for the technician (optional)</label>
      <textarea id="request-notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} maxLength={4000} />
      {unitId && (
        <p className="notice" aria-live="polite" data-testid="request-estimate">
          {estimate.isLoading && "Working out the price…"}
          {estimate.error && estimate.error.message}
          {quote && (
            <>
              Price: <strong>{formatCents(quote.cents)}</strong> — {quote.explanation}
            </>
          )}
        </p>
      )}
      {request.error && <p className="error" role="alert">{request.error.message}</p>}
      {done && <p className="muted" role="status">{done}</p>}
      <p>
        <button type="submit" disabled={!unitId || !quote || request.isPending}>
          {quote ? `Request repair at ${formatCents(quote.cents)}` : "Request repair"}
        </button>
      </p>
    </form>
  );
}
