// A decision on many repairs at once (a walk, a selection of up to 500) is written a statement per
// step, not per repair, but on a busy server it may still outlast Prisma's 5 s default; it stays
// one transaction, given more time.
import "server-only";

export const BULK_TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;
