// What a device may queue for sync.push (docs/sync-protocol.md §2), shared by the server that
// checks a batch and the device that builds it.

export const MUTATION_TYPES = [
  "walk.start",
  "repair.capture",
  "walk.finish",
  // Work on a repair the technician was given (My work): each carries its own client id.
  "repair.start",
  "repair.complete",
  "repair.addPhoto",
  // Quick actions safe to queue offline (docs/sync-protocol.md §2): each carries its own client id.
  "repair.markUrgent",
  "repair.followUp",
  "repair.requestParts",
] as const;
export type MutationType = (typeof MUTATION_TYPES)[number];

/** Largest batch a device sends at once, and the server accepts. */
export const PUSH_BATCH_LIMIT = 50;
