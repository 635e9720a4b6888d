"use client";
// The rewards figures: on/off, points per completed repair, the two referral bonuses and what
// 100 points are worth (integer cents; redemptions round down to the cent). Switching rewards
// back on starts the points check's window anew. "Check now" runs the daily points check.
import type { FormEvent } from "react";
import { formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { CheckField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { wholeNumber } from "../form-values";
import { useDraft } from "../use-draft";

type RewardFigures = {
  enabled: boolean;
  pointsPerRepair: number;
  referrerBonus: number;
  referredBonus: number;
  centsPer100Points: number;
};

export function RewardSettingsPanel() {
  const settings = api.rewards.settings.useQuery();
  return (
    <section aria-labelledby="rewards-settings-heading" className="admin-subform">
      <h2 id="rewards-settings-heading">Rewards and referrals</h2>
      <QueryState isLoading={settings.isLoading} error={settings.error} isEmpty={!settings.data} empty="">
        {settings.data && <RewardSettingsForm settings={settings.data} />}
      </QueryState>
    </section>
  );
}

const draftOf = (s: RewardFigures) => ({
  enabled: s.enabled,
  pointsPerRepair: String(s.pointsPerRepair),
  referrerBonus: String(s.referrerBonus),
  referredBonus: String(s.referredBonus),
  centsPer100Points: String(s.centsPer100Points),
});

function RewardSettingsForm({ settings }: { settings: RewardFigures }) {
  const utils = api.useUtils();
  const { draft, change, saved, submit, problem, edited } = useDraft(() => draftOf(settings));
  const save = api.rewards.updateSettings.useMutation({
    onSuccess: (result) => {
      saved(draftOf(result));
      void utils.rewards.invalidate();
    },
  });
  const rate = Number(draft.centsPer100Points);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(
      () => ({
        enabled: draft.enabled,
        pointsPerRepair: wholeNumber(draft.pointsPerRepair, "Points per completed repair"),
        referrerBonus: wholeNumber(draft.referrerBonus, "Bonus to the referring customer"),
        referredBonus: wholeNumber(draft.referredBonus, "Bonus to the referred customer"),
        centsPer100Points: wholeNumber(draft.centsPer100Points, "Value of 100 points (cents)"),
      }),
      save.mutate,
    );
  };
  return (
    <form onSubmit={onSubmit} aria-label="Rewards settings">
      <CheckField
        label="Rewards on"
        hint="completed repairs and referrals earn points"
        checked={draft.enabled}
        onChange={(enabled) => change({ enabled })}
      />
      <div className="admin-row">
        <TextField
          id="points-per-repair"
          label="Points per completed repair"
          inputMode="numeric"
          value={draft.pointsPerRepair}
          onChange={(pointsPerRepair) => change({ pointsPerRepair })}
        />
        <TextField
          id="referrer-bonus"
          label="Bonus to the referring customer"
          inputMode="numeric"
          value={draft.referrerBonus}
          onChange={(referrerBonus) => change({ referrerBonus })}
          hint="when the referred customer's first repair is completed"
        />
        <TextField
          id="referred-bonus"
          label="Bonus to the referred customer"
          inputMode="numeric"
          value={draft.referredBonus}
          onChange={(referredBonus) => change({ referredBonus })}
        />
        <TextField
          id="cents-per-100-points"
          label="Value of 100 points (cents)"
          inputMode="numeric"
          value={draft.centsPer100Points}
          onChange={(centsPer100Points) => change({ centsPer100Points })}
          hint={
            Number.isSafeInteger(rate) && rate > 0
              ? `100 points = ${formatCents(rate)}; redemptions round down to the cent`
              : undefined
          }
        />
      </div>
      <FormStatus error={save.error} problem={problem} saved={save.isSuccess && !edited} />
      <button type="submit" disabled={save.isPending}>
        Save rewards settings
      </button>
    </form>
  );
}
