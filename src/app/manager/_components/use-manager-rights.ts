"use client";
// What the signed-in manager may do, as session.me reports it, so the screen leaves out buttons
// the server would refuse anyway. Display only: every call is still decided on the server.
import { useMemo } from "react";
import { api } from "~/trpc/react";

export type ManagerRights = {
  /** null = no limit (an admin, or a manager without one). */
  approvalLimitCents: number | null;
  canAssign: boolean;
  canOverride: boolean;
};

export function useManagerRights() {
  const me = api.session.me.useQuery();
  const technician = me.data?.technician;
  const kind = me.data?.kind;
  const limit = technician?.approvalLimitCents ?? null;
  const canAssign = technician?.canAssignWork ?? false;
  const canOverride = technician?.canOverridePricing ?? false;
  // The same object while the rights are the same: the lists it is handed skip re-rendering.
  const rights = useMemo<ManagerRights | null>(
    () =>
      !kind
        ? null
        : kind === "admin"
          ? { approvalLimitCents: null, canAssign: true, canOverride: true }
          : { approvalLimitCents: limit, canAssign, canOverride },
    [kind, limit, canAssign, canOverride],
  );
  return { rights, email: me.data?.email, isLoading: me.isLoading, error: me.error };
}

/** True when the price is above the limit: such a card gets no approve or deny button. */
export function overLimit(rights: ManagerRights, cents: number | null): boolean {
  return rights.approvalLimitCents !== null && (cents ?? 0) > rights.approvalLimitCents;
}
