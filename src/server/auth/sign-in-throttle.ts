// Slows down repeated failed sign-ins, per account and per client IP, in PostgreSQL so every
// server process sees the same counts. After a few free failures each further one doubles the
// wait (15 seconds up to 15 minutes) before the next attempt from that IP or for that account is
// even checked. An IP gets more free failures than an account: a whole office may share one.
// An attacker must not be able to lock a user out by guessing wrong on purpose, so the account's
// wait does not apply from an IP that has signed into that account before (the user's own phone
// or office): only that IP's own failures slow it down.
import "server-only";
import type { DbTx } from "../db";

const BASE_WAIT_MS = 15_000;
const MAX_WAIT_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const FORGET_AFTER_MS = 30 * 60_000;
/** An IP that signed into an account stays known to it this long after its last sign-in. */
const KNOWN_IP_FOR_MS = 90 * 24 * 60 * 60_000;

export const EMAIL_FREE_FAILURES = 4;
export const IP_FREE_FAILURES = 20;

/** The failure that reaches freeFailures starts the first wait. */
export type ThrottleKey = { key: string; freeFailures: number };
export type Attempt = { email: string; ip: string | null };

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const knownIpKey = (email: string, ip: string) => `ok:${email.trim().toLowerCase()}|${ip}`;

export function throttleKeys({ email, ip }: Attempt): ThrottleKey[] {
  return [
    { key: emailKey(email), freeFailures: EMAIL_FREE_FAILURES },
    ...(ip ? [{ key: `ip:${ip}`, freeFailures: IP_FREE_FAILURES }] : []),
  ];
}

/** Milliseconds to wait before this attempt is checked (0 = go). */
export async function signInWait(db: DbTx, attempt: Attempt, now = new Date()): Promise<number> {
  const keys = throttleKeys(attempt).map((k) => k.key);
  if (attempt.ip) keys.push(knownIpKey(attempt.email, attempt.ip));
  const rows = await db.signInAttempt.findMany({ where: { key: { in: keys } } });
  const fromKnownIp = rows.some(
    (r) => r.key.startsWith("ok:") && now.getTime() - r.updatedAt.getTime() <= KNOWN_IP_FOR_MS,
  );
  let wait = 0;
  for (const r of rows) {
    if (r.key.startsWith("ok:") || now.getTime() - r.updatedAt.getTime() > FORGET_AFTER_MS) continue;
    if (fromKnownIp && r.key.startsWith("email:")) continue;
    wait = Math.max(wait, r.blockedUntil.getTime() - now.getTime());
  }
  return Math.max(0, wait);
}

export async function recordSignInFailure(db: DbTx, attempt: Attempt, now = new Date()): Promise<void> {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS);
  for (const { key, freeFailures } of throttleKeys(attempt)) {
    // One statement, so concurrent failures on several processes each count.
    await db.$executeRaw`
      INSERT INTO "SignInAttempt" ("key", "failures", "blockedUntil", "updatedAt")
      VALUES (${key}, 1, ${now}, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInAttempt"."updatedAt" < ${forgotten} THEN 1 ELSE "SignInAttempt"."failures" + 1 END,
        "updatedAt" = EXCLUDED."updatedAt",
        "blockedUntil" = CASE
          WHEN "SignInAttempt"."updatedAt" >= ${forgotten} AND "SignInAttempt"."failures" + 1 >= ${freeFailures}
          THEN ${now}::timestamp + LEAST(${MAX_WAIT_MS}::float8,
            ${BASE_WAIT_MS}::float8 * power(2, "SignInAttempt"."failures" + 1 - ${freeFailures})) * interval '1 millisecond'
          ELSE "SignInAttempt"."blockedUntil" END`;
  }
  await db.signInAttempt.deleteMany({
    where: { key: { not: { startsWith: "ok:" } }, updatedAt: { lt: forgotten }, blockedUntil: { lt: now } },
  });
}

/** Clears the account's failures and remembers the IP; one good sign-in never unlocks an IP. */
export async function recordSignInSuccess(db: DbTx, attempt: Attempt, now = new Date()): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { key: emailKey(attempt.email) } });
  if (!attempt.ip) return;
  const key = knownIpKey(attempt.email, attempt.ip);
  await db.signInAttempt.upsert({ where: { key }, create: { key, updatedAt: now }, update: { updatedAt: now } });
  await db.signInAttempt.deleteMany({
    where: { key: { startsWith: "ok:" }, updatedAt: { lt: new Date(now.getTime() - KNOWN_IP_FOR_MS) } },
  });
}
