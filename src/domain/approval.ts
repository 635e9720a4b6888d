import { type Cents, assertNonNegativeCents, formatCents } from "./money";

// Whether a repair found on a lot walk may be fixed without asking anyone.
// Pure, so the device decides offline from cached settings and the server can re-decide on
// sync with the same function.

export type ApprovalSettings = {
  autoApproveLotRepairs: boolean;
  maxAutoApproveCents: Cents;
  requirePhotoForApproval: boolean;
};

export type AutoApprovalRule = "AUTO_APPROVE_OFF" | "OVER_LIMIT" | "PHOTO_REQUIRED" | "WITHIN_LIMIT";

export type AutoApprovalDecision = {
  autoApproved: boolean;
  /** The rule that decided: the first one that failed, or WITHIN_LIMIT when all passed. */
  rule: AutoApprovalRule;
  /** A sentence a screen can show as is. */
  reason: string;
};

export type AutoApprovalInput = {
  estimateCents: Cents;
  hasDamagePhoto: boolean;
  settings: ApprovalSettings;
};

/**
 * Rules are checked in a fixed order and the first failing one is reported:
 * 1. auto-approval off for this customer (nothing else matters then),
 * 2. damage photo required but missing (the technician can fix this on the spot),
 * 3. estimate over the customer's limit (equal to the limit is within it).
 */
export function autoApprovalFor(input: AutoApprovalInput): AutoApprovalDecision {
  const { estimateCents, hasDamagePhoto, settings } = input;
  assertNonNegativeCents(estimateCents, "estimate");
  assertNonNegativeCents(settings.maxAutoApproveCents, "auto-approve limit");
  if (!settings.autoApproveLotRepairs) {
    return {
      autoApproved: false,
      rule: "AUTO_APPROVE_OFF",
      reason: "needs approval: this customer approves lot repairs manually",
    };
  }
  if (settings.requirePhotoForApproval && !hasDamagePhoto) {
    return { autoApproved: false, rule: "PHOTO_REQUIRED", reason: "needs approval: a damage photo is required" };
  }
  const estimate = formatCents(estimateCents);
  const limit = formatCents(settings.maxAutoApproveCents);
  if (estimateCents > settings.maxAutoApproveCents) {
    return {
      autoApproved: false,
      rule: "OVER_LIMIT",
      reason: `needs approval: ${estimate} is over the ${limit} auto-approve limit`,
    };
  }
  return {
    autoApproved: true,
    rule: "WITHIN_LIMIT",
    reason: `auto-approved: ${estimate} is within the ${limit} limit`,
  };
}

/**
 * True when the server, re-deciding on sync with its current settings, reaches another
 * outcome than the device did offline. The device's work is kept; the repair is flagged
 * for a manager.
 */
export function autoApprovalDisagrees(device: AutoApprovalDecision, server: AutoApprovalDecision): boolean {
  return device.autoApproved !== server.autoApproved;
}

export type PendingReasonInput = {
  status: string;
  /** The reason stored when the repair was sent for approval. */
  approvalReason: string | null;
  /** A manager's price, when one replaced the estimate. */
  overrideCents: Cents | null;
  hasDamagePhoto: boolean;
  settings: ApprovalSettings;
};

/**
 * Why a repair waits for approval, as it stands now. The stored reason was decided on the
 * estimate at capture; once a manager set another price that sentence is stale ("$50.00 is over
 * the $40.00 limit" under a $45.00 price), so the rules are asked again with the new price.
 * An override never approves by itself: within the limit, a person still decides.
 */
export function currentApprovalReason(input: PendingReasonInput): string | null {
  if (input.status !== "PENDING_APPROVAL" || input.overrideCents === null) return input.approvalReason;
  const decision = autoApprovalFor({
    estimateCents: input.overrideCents,
    hasDamagePhoto: input.hasDamagePhoto,
    settings: input.settings,
  });
  if (!decision.autoApproved) return decision.reason;
  return `needs approval: a manager set the price to ${formatCents(input.overrideCents)}, within the ${formatCents(input.settings.maxAutoApproveCents)} limit; a person approves a changed price`;
}
