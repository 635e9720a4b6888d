// The analytics rollups (AnalyticsDay per technician; per technician and customer, damage type,
// weekday and hour, GPS cell), each as day rows and month rows: the business's and a team's
// dashboards sum a period's months and edge days instead of reading every repair. A
// refresh recomputes whole business days from the repairs, so it can run any number of times:
// it takes the repairs changed since the watermark (updatedAt) and recomputes their completions'
// days, the days of the repairs they may have made callbacks (90 days back on the same
// windshield, or the repair a follow-up was made of), and those days' months.
import "server-only";
import { CALLBACK_DAYS, plusDays } from "~/domain/analytics";
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

/**
 * Recomputes the rollups of the given business days and of their months. Days close together are
 * rebuilt as one range (a day with nothing to change is recomputed the same).
 */
export async function rebuildRollupDays(tx: DbTx, days: readonly string[], timeZone: string): Promise<void> {
  const sorted = [...new Set(days)].sort();
  if (sorted.length === 0) return;
  const ranges: [string, string][] = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last && day <= plusDays(last[1], MERGE_GAP_DAYS)) last[1] = day;
    else ranges.push([day, day]);
  }
  for (const [from, to] of ranges) await rebuildDayRows(tx, from, to, timeZone);
  const months = [...new Set(sorted.map((d) => `${d.slice(0, 7)}-01`))];
  for (const month of months) await rebuildMonthRows(tx, month);
}

/** Days this close are rebuilt as one range. */
const MERGE_GAP_DAYS = 7;

async function rebuildDayRows(tx: DbTx, fromDay: string, toDay: string, timeZone: string): Promise<void> {
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
}

/** A month's rows, summed again from all its day rows. */
async function rebuildMonthRows(tx: DbTx, month: string): Promise<void> {
  for (const { table, keys, measures } of TABLES) {
    const name = Prisma.raw(`"${table}"`);
    const keyList = ["technicianId", ...keys].map((k) => `"${k}"`).join(", ");
    const sums = measures.map((m) => `sum("${m}")`).join(", ");
    const columns = Prisma.raw(`${keyList}, ${measures.map((m) => `"${m}"`).join(", ")}`);
    await tx.$executeRaw`DELETE FROM ${name} WHERE monthly AND day = ${month}::date`;
    await tx.$executeRaw`
      INSERT INTO ${name} (monthly, day, ${columns})
      SELECT TRUE, date_trunc('month', day)::date, ${Prisma.raw(`${keyList}, ${sums}`)}
      FROM ${name}
      WHERE NOT monthly AND day >= ${month}::date AND day < (${month}::date + interval '1 month')
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
      const local = (column: Prisma.Sql) =>
        Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
      const changedRepairs = Prisma.sql`SELECT r.id, r."unitId", r."windshieldSeq", r."completedAt", r."followUpOfId"
        FROM "Repair" r WHERE ${FROZEN} AND r."updatedAt" > ${since} AND r."completedAt" IS NOT NULL`;
      const [changed] = await tx.$queryRaw<{ first: string | null; last: string | null; newest: Date | null }[]>`
        SELECT ${local(Prisma.sql`min(r."completedAt")`)} AS first, ${local(Prisma.sql`max(r."completedAt")`)} AS last,
          max(r."updatedAt") AS newest
        FROM "Repair" r WHERE ${FROZEN} AND r."updatedAt" > ${since} AND r."completedAt" IS NOT NULL`;
      const settled = new Date(now.getTime() - SETTLING_MS);
      if (!changed?.first || !changed.last || !changed.newest) {
        await saveState(tx, state ? since : settled, now);
        return { fromDay: null, toDay: null, days: 0, ms: Math.round(performance.now() - started) };
      }
      // The changed completions' days, and the days of the repairs they may have made callbacks
      // (see calledBack: an earlier repair on the same windshield within 90 days, or the one a
      // follow-up was made of). A first build takes every day.
      let days: string[];
      if (!state?.watermark) {
        days = [];
        for (let d = changed.first; d <= changed.last; d = plusDays(d, 1)) days.push(d);
      } else {
        const rows = await tx.$queryRaw<{ day: string }[]>`
          WITH c AS (${changedRepairs})
          SELECT DISTINCT ${local(Prisma.sql`x."completedAt"`)} AS day FROM (
            SELECT c."completedAt" FROM c
            UNION ALL
            SELECT n."completedAt" FROM c JOIN "Repair" n
              ON n."unitId" = c."unitId" AND n."windshieldSeq" = c."windshieldSeq"
              AND n."completedAt" >= c."completedAt" - ${`${CALLBACK_DAYS} days`}::interval
              AND n."completedAt" < c."completedAt"
            UNION ALL
            SELECT f."completedAt" FROM c JOIN "Repair" f ON f.id = c."followUpOfId" WHERE f."completedAt" IS NOT NULL
          ) x`;
        days = rows.map((r) => r.day);
      }
      await rebuildRollupDays(tx, days, timeZone);
      await saveState(tx, changed.newest < settled ? changed.newest : settled, now);
      const sorted = days.sort();
      return { fromDay: sorted[0]!, toDay: sorted.at(-1)!, days: days.length, ms: Math.round(performance.now() - started) };
    },
    { timeout: 600_000 },
  );
}

async function saveState(tx: DbTx, watermark: Date, now: Date) {
  await tx.$executeRaw`
    INSERT INTO "AnalyticsRollupState" (id, watermark, "refreshedAt") VALUES (1, ${watermark}, ${now})
    ON CONFLICT (id) DO UPDATE SET watermark = EXCLUDED.watermark, "refreshedAt" = EXCLUDED."refreshedAt"`;
}
