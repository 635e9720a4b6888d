"use client";
// The customer's rewards: balance, the points history newest first, and the referral program
// (who referred them, whom they referred, what a referral earns).
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { RewardsLedger } from "../../_components/rewards-ledger";

export function Rewards() {
  const rewards = api.rewards.mine.useQuery();
  const r = rewards.data;
  return (
    <div className="card" id="rewards" aria-labelledby="portal-rewards-heading">
      <h2 id="portal-rewards-heading">Rewards</h2>
      <QueryState isLoading={rewards.isLoading} error={rewards.error} isEmpty={!r} empty="">
        {r && (
          <>
            <RewardsLedger rewards={r} headingLevel={3} />
            <h3>Referrals</h3>
            {r.settings.enabled ? (
              <p className="muted">
                Refer another fleet: when its first repair is completed you earn {r.settings.referrerBonus} points and
                it earns {r.settings.referredBonus}. Every completed repair earns {r.settings.pointsPerRepair} points.
              </p>
            ) : (
              <p className="muted">The rewards program is paused: no points are earned for now.</p>
            )}
            {r.referredBy && <p>You were referred by {r.referredBy.name}.</p>}
            <p>
              {r.referrals.length === 0
                ? "You have not referred anyone yet."
                : `You referred: ${r.referrals.map((c) => c.name).join(", ")}.`}
            </p>
          </>
        )}
      </QueryState>
    </div>
  );
}
