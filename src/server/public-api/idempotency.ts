// Idempotency-Key on POST: the first request with a key reserves it (one INSERT: of two
// concurrent retries exactly one gets the row and runs), its successful answer is stored and
// replayed to every retry with the same request; the same key on another request is a 422.
// A refused or failed first request leaves no row, so nothing was done and a retry runs again.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { DomainError } from "~/domain";
import type { Db } from "../db";
import { PublicApiRefusal } from "./refusal";

/** How long a key is remembered: a retry after that runs as a new request. */
export const IDEMPOTENCY_HOURS = 24;

export const idempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

export type Reservation =
  | { kind: "reserved"; release: (answer: { status: number; body: string } | null) => Promise<void> }
  | { kind: "replay"; status: number; body: string };

export const requestHash = (method: string, path: string, body: string) =>
  createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");

export async function reserveIdempotencyKey(
  db: Db,
  callerId: string,
  rawKey: string,
  hash: string,
): Promise<Reservation> {
  const parsed = idempotencyKeyHeader.safeParse(rawKey);
  if (!parsed.success) throw new PublicApiRefusal("Idempotency-Key must be 1-255 printable ASCII characters.");
  const key = parsed.data;
  const where = { callerId_key: { callerId, key } };
  await db.apiIdempotency.deleteMany({
    where: { callerId, key, createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_HOURS * 3600_000) } },
  });
  const inserted = await db.apiIdempotency.createMany({
    data: [{ callerId, key, requestHash: hash }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) {
    return {
      kind: "reserved",
      release: async (answer) => {
        if (answer) await db.apiIdempotency.update({ where, data: { status: answer.status, body: answer.body } });
        else await db.apiIdempotency.deleteMany({ where: { callerId, key, status: null } });
      },
    };
  }
  const first = await db.apiIdempotency.findUnique({ where });
  if (!first) return reserveIdempotencyKey(db, callerId, key, hash); // released meanwhile: try again
  if (first.requestHash !== hash) throw new IdempotencyKeyReused();
  if (first.status === null || first.body === null) throw new IdempotencyInProgress();
  return { kind: "replay", status: first.status, body: first.body };
}

export class IdempotencyKeyReused extends DomainError {
  readonly code = "IDEMPOTENCY_KEY_REUSED" as const;
  constructor() {
    super("This Idempotency-Key was used for a different request; use a new key for a new request.");
  }
}
export class IdempotencyInProgress extends DomainError {
  readonly code = "IDEMPOTENCY_IN_PROGRESS" as const;
  constructor() {
    super("The first request with this Idempotency-Key is still running; retry in a moment.");
  }
}
