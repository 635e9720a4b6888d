"use client";
// The points check's alert on every admin screen: completed repairs found without their reward
// points (the daily job, or "Check now"), with the action that grants them. Quiet when all is well.
import { dateTimeText } from "~/domain";
import { api } from "~/trpc/react";
import { FormStatus } from "./form-status";

export function PointsCheckAlert() {
  const utils = api.useUtils();
  const state = api.rewards.settings.useQuery();
  const refresh = () => void utils.rewards.invalidate();
  const check = api.rewards.checkNow.useMutation({ onSuccess: refresh });
  const grant = api.rewards.grantMissing.useMutation({ onSuccess: refresh });
  const missing = state.data?.missingGrants ?? 0;
  const checkedAt = state.data?.checkedAt ?? null;
  return (
    <div className="points-alert-area">
      {missing > 0 && (
        <div className="notice points-alert" role="alert">
          <p>
            <strong>
              {missing === 1
                ? "1 completed repair has no reward points."
                : `${missing} completed repairs have no reward points.`}
            </strong>{" "}
            Found by the points check
            {checkedAt && (
              <>
                {" "}
                of <time dateTime={checkedAt.toISOString()}>{dateTimeText(checkedAt)}</time>
              </>
            )}
            .
          </p>
          <button type="button" disabled={grant.isPending} onClick={() => grant.mutate()}>
            Grant missing points
          </button>
          <button type="button" className="secondary" disabled={check.isPending} onClick={() => check.mutate()}>
            Check again
          </button>
        </div>
      )}
      <FormStatus error={grant.error ?? check.error} />
    </div>
  );
}

/** "Check now" beside the rewards settings, with the last check's time. */
export function PointsCheckNow() {
  const utils = api.useUtils();
  const state = api.rewards.settings.useQuery();
  const check = api.rewards.checkNow.useMutation({ onSuccess: () => void utils.rewards.invalidate() });
  const checkedAt = state.data?.checkedAt ?? null;
  return (
    <div className="admin-subform">
      <p className="muted">
        The points check runs daily and compares completed repairs with the points granted.{" "}
        {checkedAt ? (
          <>
            Last check: <time dateTime={checkedAt.toISOString()}>{dateTimeText(checkedAt)}</time>,{" "}
            {state.data?.missingGrants ?? 0} missing.
          </>
        ) : (
          "It has not run yet."
        )}
      </p>
      <FormStatus error={check.error} />
      <button type="button" className="secondary" disabled={check.isPending} onClick={() => check.mutate()}>
        Check now
      </button>
    </div>
  );
}
