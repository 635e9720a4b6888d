// A token bucket per API key in PostgreSQL, so every app instance draws from the same bucket:
// one statement refills by the time elapsed, takes a token when one is there, and says which.
// A refused call stores its level minus 2 (always negative, since the level was below 1), so
// the returned row alone tells taken (>= 0) from refused, and the next call adds the 2 back.
import "server-only";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db";

export type RateLimit = { perMinute: number; burst: number };
export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export async function takeToken(db: Db, bucket: string, { perMinute, burst }: RateLimit): Promise<RateDecision> {
  const perSecond = perMinute / 60;
  const level = Prisma.sql`LEAST(${burst}::float8,
    (CASE WHEN b."tokens" < 0 THEN b."tokens" + 2 ELSE b."tokens" END)
    + EXTRACT(EPOCH FROM clock_timestamp() - b."updatedAt")::float8 * ${perSecond}::float8)`;
  const rows = await db.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "ApiRateBucket" AS b ("key", "tokens", "updatedAt")
    VALUES (${bucket}, ${burst - 1}::float8, clock_timestamp())
    ON CONFLICT ("key") DO UPDATE SET
      "tokens" = CASE WHEN ${level} >= 1 THEN ${level} - 1 ELSE ${level} - 2 END,
      "updatedAt" = clock_timestamp()
    RETURNING "tokens"`;
  const stored = Number(rows[0]?.tokens ?? -2);
  const allowed = stored >= 0;
  const tokens = allowed ? stored : stored + 2;
  return {
    allowed,
    limit: burst,
    remaining: Math.max(0, Math.floor(tokens)),
    // Seconds until the bucket is full again (RateLimit-Reset); Retry-After uses the time to one token.
    resetSeconds: Math.ceil(Math.max(0, (allowed ? burst - tokens : 1 - tokens) / perSecond)),
  };
}
