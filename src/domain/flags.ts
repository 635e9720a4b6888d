import { DomainError } from "./errors";

// A repair is flagged when the server and an offline device disagreed (price, auto-approval).
// The flag stays on the repair as history; a manager settles it once, with a note saying
// what was done about it (called the customer, kept the server's price...).

export type FlagRefusedCode = "NOT_FLAGGED" | "FLAG_ALREADY_RESOLVED" | "NOTE_REQUIRED";

export class FlagRefused extends DomainError {
  constructor(
    readonly code: FlagRefusedCode,
    message: string,
  ) {
    super(message);
  }
}

export type FlagState = { flaggedReason: string | null; flagResolvedAt: Date | null };

/** A flag waits for a manager while it has a reason and nobody has settled it. */
export function flagIsOpen(repair: FlagState): boolean {
  return repair.flaggedReason !== null && repair.flagResolvedAt === null;
}

/** Throws FlagRefused unless this flag may be settled now with this note. */
export function assertFlagResolvable(repair: FlagState, note: string): void {
  if (repair.flaggedReason === null) throw new FlagRefused("NOT_FLAGGED", "This repair is not flagged.");
  if (repair.flagResolvedAt !== null)
    throw new FlagRefused("FLAG_ALREADY_RESOLVED", "This flag has already been resolved.");
  if (!note.trim()) throw new FlagRefused("NOTE_REQUIRED", "Say what was done about the flag.");
}

/** The decisions a flag is about: whether the find should be done at the server's price. */
const SETTLING_ACTIONS: Readonly<Record<string, string>> = {
  approve: "Settled by the approval",
  deny: "Settled by the denial",
  cancel: "Settled by the cancellation",
};

/**
 * The note an open flag is closed with when this status change settles the decision it was
 * about (approve, deny, cancel), or null when the flag stays for a manager.
 */
export function flagSettledBy(repair: FlagState, action: string): string | null {
  if (!flagIsOpen(repair)) return null;
  return SETTLING_ACTIONS[action] ?? null;
}
