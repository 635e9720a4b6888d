// A token bucket per API key or OAuth client in PostgreSQL, so every app instance draws from the
// same bucket: one statement refills by the time elapsed, takes a token when one is there, and
// says which. A refused call stores its level minus 2 (always negative, since the level was below
// 1), so the returned row alone tells taken (>= 0) from refused, and the next call adds the 2 back.
// It runs on every API call, so it is kept cheap: sent on the pg pool directly as a named prepared
// statement (Prisma's query path costs several times the statement), on an UNLOGGED table
// (migration 0024: no WAL flush per call; after a crash the buckets start full, which is harmless).
import "server-only";
import { type Db, poolOf } from "../db";

export type RateLimit = { perMinute: number; burst: number };
export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

const LEVEL = `LEAST($2::float8,
    (CASE WHEN b."tokens" < 0 THEN b."tokens" + 2 ELSE b."tokens" END)
    + EXTRACT(EPOCH FROM clock_timestamp() - b."updatedAt")::float8 * $3::float8)`;

const TAKE_TOKEN = `INSERT INTO "ApiRateBucket" AS b ("key", "tokens", "updatedAt")
  VALUES ($1, $2::float8 - 1, clock_timestamp())
  ON CONFLICT ("key") DO UPDATE SET
    "tokens" = CASE WHEN ${LEVEL} >= 1 THEN ${LEVEL} - 1 ELSE ${LEVEL} - 2 END,
    "updatedAt" = clock_timestamp()
  RETURNING "tokens"`;

export async function takeToken(db: Db, bucket: string, { perMinute, burst }: RateLimit): Promise<RateDecision> {
  const perSecond = perMinute / 60;
  const { rows } = await poolOf(db).query<{ tokens: number }>({
    name: "rs-take-api-token",
    text: TAKE_TOKEN,
    values: [bucket, burst, perSecond],
  });
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
