"use client";
// A customer's rewards on its admin page: balance and ledger, a redeem form (the points become a
// discount line on the next invoice) and who referred the customer (the referral pays both
// bonuses when this customer's first repair is completed).
import { type FormEvent, useState } from "react";
import { formatCents, groupedInteger } from "~/domain";
import { redemptionValueCents } from "~/domain/rewards";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { RewardsLedger } from "../../../_components/rewards-ledger";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";
import { converted, wholeNumber } from "../form-values";

export function CustomerRewards({ customerId }: { customerId: string }) {
  const rewards = api.rewards.customer.useQuery({ customerId });
  return (
    <section className="card" aria-labelledby="rewards-heading">
      <h3 id="rewards-heading">Rewards</h3>
      <QueryState isLoading={rewards.isLoading} error={rewards.error} isEmpty={!rewards.data} empty="">
        {rewards.data && (
          <>
            {!rewards.data.settings.enabled && (
              <p className="muted">Rewards are switched off: completed repairs earn no points for now.</p>
            )}
            <RewardsLedger rewards={rewards.data} />
            <RedeemForm
              customerId={customerId}
              balance={rewards.data.balance}
              centsPer100Points={rewards.data.settings.centsPer100Points}
            />
            <ReferralField
              customerId={customerId}
              referredBy={rewards.data.referredBy}
              referrals={rewards.data.referrals}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

function RedeemForm({
  customerId,
  balance,
  centsPer100Points,
}: {
  customerId: string;
  balance: number;
  centsPer100Points: number;
}) {
  const utils = api.useUtils();
  const [points, setPoints] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const redeem = api.rewards.redeem.useMutation({
    onSuccess: () => {
      setPoints("");
      setNote("");
      void utils.rewards.invalidate();
    },
  });
  const typed = Number(points.trim());
  const worth = Number.isSafeInteger(typed) && typed > 0 ? redemptionValueCents(typed, { centsPer100Points }) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = converted(
      () => ({ customerId, points: wholeNumber(points, "Points to redeem"), note: note.trim() || undefined }),
      setProblem,
    );
    if (input) redeem.mutate(input);
  };
  return (
    <form onSubmit={onSubmit} aria-label="Redeem points" className="admin-subform">
      <h4>Redeem points</h4>
      <p className="muted">
        A discount on this customer&apos;s next invoice; repair prices do not change. 100 points ={" "}
        {formatCents(centsPer100Points)}, rounded down to the cent.
      </p>
      <div className="admin-row">
        <TextField
          id="redeem-points"
          label="Points to redeem"
          inputMode="numeric"
          value={points}
          onChange={setPoints}
          hint={worth !== null ? `worth ${formatCents(worth)}` : `up to ${groupedInteger(balance)}`}
        />
        <TextField id="redeem-note" label="Note (optional)" value={note} onChange={setNote} />
      </div>
      <FormStatus error={redeem.error} problem={problem} saved={redeem.isSuccess} savedText="Points redeemed" />
      <button type="submit" disabled={redeem.isPending || balance <= 0}>
        Redeem points
      </button>
    </form>
  );
}

function ReferralField({
  customerId,
  referredBy,
  referrals,
}: {
  customerId: string;
  referredBy: { id: string; name: string } | null;
  referrals: { id: string; name: string }[];
}) {
  const utils = api.useUtils();
  const customers = api.admin.customers.useQuery({});
  const [choice, setChoice] = useState(referredBy?.id ?? "");
  const save = api.rewards.setReferrer.useMutation({ onSuccess: () => void utils.rewards.invalidate() });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ customerId, referredByCustomerId: choice || null });
  };
  return (
    <form onSubmit={onSubmit} aria-label="Referral" className="admin-subform">
      <h4>Referral</h4>
      <div className="admin-field">
        <label htmlFor="referred-by">Referred by</label>
        <select id="referred-by" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Nobody</option>
          {customers.data
            ?.filter((c) => c.id !== customerId)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </div>
      <p className="muted">
        {referrals.length === 0
          ? "This customer has not referred anyone."
          : `Referred: ${referrals.map((r) => r.name).join(", ")}.`}
      </p>
      <FormStatus error={save.error} saved={save.isSuccess} />
      <button type="submit" disabled={save.isPending || choice === (referredBy?.id ?? "")}>
        Save referral
      </button>
    </form>
  );
}
