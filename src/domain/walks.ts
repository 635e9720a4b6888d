import { DomainError } from "./errors";

// A lot walk's life: SCHEDULED -> IN_PROGRESS (started on the lot) -> COMPLETED (the site
// contact signed its summary). CANCELLED ends a walk that never happened.

export type WalkStatus = "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";

export type WalkRefusedCode = "WALK_NOT_STARTED" | "WALK_CANCELLED";

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
