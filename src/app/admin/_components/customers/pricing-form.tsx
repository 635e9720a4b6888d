"use client";
// The customer's price list in dollars: a blank tier uses the default
// (shown as the placeholder), 0 means free. Saving bumps the list's version; devices pick it
// up at their next sync.prepare.
import type { FormEvent } from "react";
import { FIELDS, formatBasisPoints, formatCents, percentToBasisPoints } from "~/domain";
import { type RouterOutputs, api } from "~/trpc/react";
import { CheckField, DollarsField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { StaleCopiesNotice } from "./stale-copies-notice";
import { dollarsText, labelled, optionalCents, wholeNumber } from "../form-values";
import { useDraft } from "../use-draft";
import { TIERS } from "./tiers";

type Pricing = RouterOutputs["admin"]["customer"]["pricing"];
type Tiers = [number | null, number | null, number | null, number | null, number | null];

const draftOf = (pricing: Pricing, notes: string) => ({
  useCustomPricing: pricing.useCustomPricing,
  tiers: pricing.tiersCents.map(dollarsText),
  threshold: String(pricing.volumeDiscountThreshold),
  percent: formatBasisPoints(pricing.volumeDiscountBasisPoints).replace("%", ""),
  notes,
});

export function PricingForm({ customerId, pricing, notes }: { customerId: string; pricing: Pricing; notes: string }) {
  const { draft, change, saved, submit, problem, edited } = useDraft(() => draftOf(pricing, notes));
  const utils = api.useUtils();
  const save = api.admin.updatePricing.useMutation({
    onSuccess: (result) => {
      void utils.admin.staleOfflineCopies.invalidate({ customerId });
      saved(draftOf(result, result.notes));
    },
  });
  const setTier = (index: number, text: string) =>
    change({ tiers: draft.tiers.map((t, i) => (i === index ? text : t)) });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(
      () => ({
        customerId,
        useCustomPricing: draft.useCustomPricing,
        tiersCents: TIERS.map((t) => optionalCents(draft.tiers[t.index] ?? "", t.label)) as Tiers,
        volumeDiscountThreshold: wholeNumber(draft.threshold, "Discount from repair no."),
        volumeDiscountBasisPoints: labelled("Volume discount", () => percentToBasisPoints(draft.percent.trim() || "0")),
        notes: draft.notes,
      }),
      save.mutate,
    );
  };

  return (
    <form onSubmit={onSubmit} aria-label="Pricing">
      <CheckField
        label="Use custom pricing"
        checked={draft.useCustomPricing}
        onChange={(on) => change({ useCustomPricing: on })}
        hint="(off: the default prices apply)"
      />
      <fieldset className="admin-fieldset">
        <legend>Tier prices ($) — blank uses the default, 0 is free</legend>
        <div className="admin-tier-grid">
          {TIERS.map((t) => (
            <DollarsField
              key={t.index}
              id={`tier-${t.index + 1}`}
              label={t.label}
              value={draft.tiers[t.index] ?? ""}
              onChange={(text) => setTier(t.index, text)}
              placeholder={`Default ${formatCents(t.defaultCents)}`}
            />
          ))}
        </div>
      </fieldset>
      <div className="admin-row">
        <TextField
          id="volume-threshold"
          label="Discount from repair no."
          inputMode="numeric"
          value={draft.threshold}
          onChange={(threshold) => change({ threshold })}
          hint="the n-th completed repair of a calendar month"
        />
        <TextField
          id="volume-percent"
          label="Volume discount (%)"
          inputMode="decimal"
          value={draft.percent}
          onChange={(percent) => change({ percent })}
          hint="0 = no discount"
        />
      </div>
      <div className="admin-field">
        <label htmlFor="pricing-notes">{FIELDS.pricingNotes.label}</label>
        <textarea
          id="pricing-notes"
          rows={3}
          maxLength={FIELDS.pricingNotes.maxLength}
          value={draft.notes}
          onChange={(e) => change({ notes: e.target.value })}
        />
      </div>
      <FormStatus error={save.error} problem={problem} saved={save.isSuccess && !edited} />
      <StaleCopiesNotice customerId={customerId} what="prices" />
      <button type="submit" disabled={save.isPending}>
        Save prices
      </button>
    </form>
  );
}
