import { DomainError } from "./errors";

// A lot walk's life: SCHEDULED -> IN_PROGRESS (started on the lot) -> COMPLETED (the site
// contact signed its summary). CANCELLED ends a walk that never happened.

export type WalkStatus = "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";

export type WalkRefusedCode = "WALK_NOT_STARTED" | "WALK_CANCELLED" | "WALK_COMPLETED";

export class WalkRefused extends DomainError {
  constructor(
    readonly code: WalkRefusedCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Finishing a walk: "finish" from IN_PROGRESS, "replay" when it is already COMPLETED (a resent
 * finish from an offline device answers with the walk as it is). Anything else is refused.
 */
export function walkFinishStep(status: WalkStatus): "finish" | "replay" {
  switch (status) {
    case "IN_PROGRESS":
      return "finish";
    case "COMPLETED":
      return "replay";
    case "SCHEDULED":
      throw new WalkRefused("WALK_NOT_STARTED", "This walk has not been started: start it before finishing it.");
    case "CANCELLED":
      throw new WalkRefused("WALK_CANCELLED", "This walk was cancelled and cannot be finished.");
  }
}

/** A walk as capturing sees it: its status and, once signed, the repairs its summary lists. */
export type WalkForCapture = { status: WalkStatus; signedRepairIds: readonly string[] };

/**
 * Capturing a repair on a walk: while it is SCHEDULED or IN_PROGRESS. A completed walk's
 * summary was signed as it stood, so nothing new is added to it; only a repair the summary
 * lists still arrives (captured offline before the signature, its first push failed and was
 * retried after the finish had gone through). A cancelled walk never happened. (A replayed
 * capture answers with its first result before this is asked.)
 */
export function assertWalkTakesCapture(walk: WalkForCapture, repairId: string): void {
  switch (walk.status) {
    case "SCHEDULED":
    case "IN_PROGRESS":
      return;
    case "COMPLETED":
      if (walk.signedRepairIds.includes(repairId)) return;
      throw new WalkRefused(
        "WALK_COMPLETED",
        "This walk was finished and its summary signed: start a new walk to capture more repairs.",
      );
    case "CANCELLED":
      throw new WalkRefused("WALK_CANCELLED", "This walk was cancelled: repairs cannot be captured on it.");
  }
}
