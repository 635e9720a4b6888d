// A decision on a whole walk (up to 200 repairs: lock, write, audit and events for each) takes
// longer than Prisma's 5 s default on a busy server; it stays one transaction, given more time.
import "server-only";

export const BULK_TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;
