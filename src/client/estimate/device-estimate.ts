// The estimate and auto-approval a technician sees at once, offline, from the prepared
// snapshot. It mirrors the server's capture rule (src/server/services/repairs/capture-repair.ts):
// - not fixed now: ordinal = completed on the windshield + break index in the job + 1;
// - fixed on the spot: priced at completion, index 0, after the job's earlier completions.
// "Completed" includes what this device fixed on the spot since the snapshot, because the
// server will have counted those by the time this repair reaches it (the outbox is ordered).
import { type AutoApprovalDecision, type PriceQuote, autoApprovalFor, checkTransition, priceRepair } from "~/domain";
import type { PreparedCustomer } from "../sync/contract";

export type EstimateFacts = {
  customer: Pick<PreparedCustomer, "approval" | "pricing" | "completedThisMonth">;
  /** From the snapshot; 0 for a unit the server does not know yet. */
  completedOnWindshield: number;
  /** Fixed on the spot on this unit by this device since the snapshot (not rejected). */
  completedOnSpotOnUnit: number;
  /** Fixed on the spot for this customer by this device since the snapshot (not rejected). */
  completedOnSpotForCustomer: number;
  breakIndex: number;
  completedOnSpot: boolean;
  hasDamagePhoto: boolean;
  hasAfterPhoto: boolean;
};

export type DeviceEstimate = {
  quote: PriceQuote;
  decision: AutoApprovalDecision;
  /** Whether the domain lets the technician fix it now; if not, the failed rule and a sentence. */
  fixNow: { allowed: true } | { allowed: false; rule: string; reason: string };
};

export function deviceEstimate(facts: EstimateFacts): DeviceEstimate {
  const quote = priceRepair({
    completedOnWindshield: facts.completedOnWindshield + facts.completedOnSpotOnUnit,
    indexInJob: facts.completedOnSpot ? 0 : facts.breakIndex,
    customerCompletedThisMonth: facts.customer.completedThisMonth + facts.completedOnSpotForCustomer,
    rules: facts.customer.pricing,
  });
  const decision = autoApprovalFor({
    estimateCents: quote.cents,
    hasDamagePhoto: facts.hasDamagePhoto,
    settings: facts.customer.approval,
  });
  return { quote, decision, fixNow: fixNowCheck(decision, facts.hasAfterPhoto) };
}

/** Capture, start and complete, each through the domain's transition table (as a technician). */
function fixNowCheck(decision: AutoApprovalDecision, hasAfterPhoto: boolean): DeviceEstimate["fixNow"] {
  const captured = checkTransition({
    action: "capture",
    from: null,
    actor: "technician",
    facts: { autoApproval: decision },
  });
  if (!captured.ok) return { allowed: false, rule: captured.refusal.rule, reason: captured.refusal.message };
  // Only an approved repair may be started: the decision's own rule says why not.
  const started = checkTransition({ action: "start", from: captured.to, actor: "technician" });
  if (!started.ok) return { allowed: false, rule: decision.rule, reason: `it ${decision.reason}` };
  const completed = checkTransition({
    action: "complete",
    from: started.to,
    actor: "technician",
    facts: { hasAfterPhoto },
  });
  if (!completed.ok) return { allowed: false, rule: completed.refusal.rule, reason: completed.refusal.message };
  return { allowed: true };
}
