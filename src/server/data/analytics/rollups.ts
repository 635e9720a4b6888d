// The analytics rollups (AnalyticsDay per technician; per technician and customer, damage type,
// weekday and hour, GPS cell), each as day rows and month rows: the business's and a team's
// dashboards sum a period's months and edge days instead of reading every repair. A
// refresh recomputes whole business days from the repairs, so it can run any number of times:
// it takes the repairs changed since the watermark (updatedAt), and recomputes from 90 days
// before the oldest of their completions (callbacks look 90 days ahead) to the newest.
import "server-only";
import { plusDays } from "~/domain/analytics";
import { Prisma } from "../../db/generated/client";
import type { Db, DbTx } from "../../db";
import { calledBack, midnight } from "./dashboard-queries";

/** The technician key of repairs completed with nobody assigned. */
export const NOBODY = "00000000-0000-0000-0000-000000000000";
/** Repairs written in the last moments may belong to transactions still open: they are read again next time. */
const SETTLING_MS = 2 * 60_000;
const FROZEN = Prisma.sql`r.status IN ('COMPLETED', 'INVOICED', 'CLOSED')`;

export type RollupRefresh = { fromDay: string | null; toDay: string | null; days: number; ms: number };

/** The rollup tables: each a day row and a month row per key; every measure is a sum (month = its days). */
const TABLES = [
  {
    table: "AnalyticsDay",
    keys: [] as string[],
    measures: ["repairs", "revenueCents", "started", "workedMinutes", "requests", "responseMinutes", "callbacks"],
  },
  { table: "AnalyticsCustomerSpan", keys: ["customerId"], measures: ["repairs", "revenueCents"] },
  { table: "AnalyticsTypeSpan", keys: ["damageType"], measures: ["repairs"] },
  { table: "AnalyticsHourSpan", keys: ["weekday", "hour"], measures: ["repairs"] },
  { table: "AnalyticsGeoSpan", keys: ["latitude", "longitude"], measures: ["repairs"] },
];

/** Recomputes the rollups of business days `fromDay`..`toDay` (both included) and of their months. */
export async function rebuildRollupDays(tx: DbTx, fromDay: string, toDay: string, timeZone: string): Promise<void> {
  const local = Prisma.sql`((r."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})`;
  const range = Prisma.sql`r."completedAt" >= ${midnight(fromDay, timeZone)}
    AND r."completedAt" < ${midnight(plusDays(toDay, 1), timeZone)}`;
  const minutes = Prisma.sql`EXTRACT(EPOCH FROM (r."completedAt" - r."startedAt")) / 60`;
  const technician = Prisma.sql`coalesce(r."technicianId", ${NOBODY}::uuid)`;
  for (const { table } of TABLES)
    await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)}
      WHERE NOT monthly AND day BETWEEN ${fromDay}::date AND ${toDay}::date`;
  await tx.$executeRaw`
    INSERT INTO "AnalyticsDay"
      (day, "technicianId", repairs, "revenueCents", started, "workedMinutes", requests, "responseMinutes", callbacks)
    SELECT ${local}::date, ${technician}, count(*), coalesce(sum(r."priceCents"), 0),
      count(r."startedAt"), coalesce(sum(${minutes}) FILTER (WHERE r."startedAt" IS NOT NULL), 0),
      count(*) FILTER (WHERE r.origin = 'CUSTOMER_REQUEST' AND r."startedAt" IS NOT NULL),
      coalesce(sum(EXTRACT(EPOCH FROM (r."startedAt" - r."createdAt")) / 60)
        FILTER (WHERE r.origin = 'CUSTOMER_REQUEST' AND r."startedAt" IS NOT NULL), 0),
      count(*) FILTER (WHERE ${calledBack})
    FROM "Repair" r WHERE ${range}
    GROUP BY 1, 2`;
  await tx.$executeRaw`
    INSERT INTO "AnalyticsCustomerSpan" (day, "technicianId", "customerId", repairs, "revenueCents")
    SELECT ${local}::date, ${technician}, r."customerId", count(*), coalesce(sum(r."priceCents"), 0)
    FROM "Repair" r WHERE ${range}
    GROUP BY 1, 2, 3`;
  await tx.$executeRaw`
    INSERT INTO "AnalyticsTypeSpan" (day, "technicianId", "damageType", repairs)
    SELECT ${local}::date, ${technician}, r."damageType", count(*)
    FROM "Repair" r WHERE ${range}
    GROUP BY 1, 2, 3`;
  await tx.$executeRaw`
    INSERT INTO "AnalyticsHourSpan" (day, "technicianId", weekday, hour, repairs)
    SELECT ${local}::date, ${technician}, EXTRACT(ISODOW FROM ${local})::int, EXTRACT(HOUR FROM ${local})::int, count(*)
    FROM "Repair" r WHERE ${range}
    GROUP BY 1, 2, 3, 4`;
  await tx.$executeRaw`
    INSERT INTO "AnalyticsGeoSpan" (day, "technicianId", latitude, longitude, repairs)
    SELECT ${local}::date, ${technician}, floor(r.latitude * 100) / 100, floor(r.longitude * 100) / 100, count(*)
    FROM "Repair" r WHERE ${range} AND r.latitude IS NOT NULL AND r.longitude IS NOT NULL
    GROUP BY 1, 2, 3, 4`;
  // The months the days belong to, summed again from all their day rows.
  const firstMonth = `${fromDay.slice(0, 7)}-01`;
  const lastMonth = `${toDay.slice(0, 7)}-01`;
  for (const { table, keys, measures } of TABLES) {
    const name = Prisma.raw(`"${table}"`);
    const keyList = ["technicianId", ...keys].map((k) => `"${k}"`).join(", ");
    const sums = measures.map((m) => `sum("${m}")`).join(", ");
    const columns = Prisma.raw(`${keyList}, ${measures.map((m) => `"${m}"`).join(", ")}`);
    await tx.$executeRaw`DELETE FROM ${name} WHERE monthly AND day BETWEEN ${firstMonth}::date AND ${lastMonth}::date`;
    await tx.$executeRaw`
      INSERT INTO ${name} (monthly, day, ${columns})
      SELECT TRUE, date_trunc('month', day)::date, ${Prisma.raw(`${keyList}, ${sums}`)}
      FROM ${name}
      WHERE NOT monthly AND day >= ${firstMonth}::date AND day < (${lastMonth}::date + interval '1 month')
      GROUP BY 2, ${Prisma.raw(keyList)}`;
  }
}

/** Brings the rollups up to the repairs as they are now; cheap when nothing changed. */
export async function refreshAnalyticsRollups(db: Db, timeZone: string, now = new Date()): Promise<RollupRefresh> {
  const started = performance.now();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:analytics-rollups'))`;
      const [state] = await tx.$queryRaw<{ watermark: Date | null }[]>`
        SELECT watermark FROM "AnalyticsRollupState" WHERE id = 1`;
      const since = state?.watermark ?? new Date(0);
      const [changed] = await tx.$queryRaw<{ first: string | null; last: string | null; newest: Date | null }[]>`
        SELECT to_char(min((r."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS first,
          to_char(max((r."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS last,
          max(r."updatedAt") AS newest
        FROM "Repair" r WHERE ${FROZEN} AND r."updatedAt" > ${since} AND r."completedAt" IS NOT NULL`;
      const settled = new Date(now.getTime() - SETTLING_MS);
      if (!changed?.first || !changed.last || !changed.newest) {
        await saveState(tx, state ? since : settled, now);
        return { fromDay: null, toDay: null, days: 0, ms: Math.round(performance.now() - started) };
      }
      const fromDay = plusDays(changed.first, -90);
      await rebuildRollupDays(tx, fromDay, changed.last, timeZone);
      await saveState(tx, changed.newest < settled ? changed.newest : settled, now);
      const days = (Date.parse(changed.last) - Date.parse(fromDay)) / 86_400_000 + 1;
      return { fromDay, toDay: changed.last, days, ms: Math.round(performance.now() - started) };
    },
    { timeout: 600_000 },
  );
}

async function saveState(tx: DbTx, watermark: Date, now: Date) {
  await tx.$executeRaw`
    INSERT INTO "AnalyticsRollupState" (id, watermark, "refreshedAt") VALUES (1, ${watermark}, ${now})
    ON CONFLICT (id) DO UPDATE SET watermark = EXCLUDED.watermark, "refreshedAt" = EXCLUDED."refreshedAt"`;
}
