// What predictive maintenance reads: each unit's current windshield summed up (repairs, first and
// last day), each customer's rate of repairs per unit, and the business's season by month.
import "server-only";
import {
  type UnitRisk,
  seasonalIndex,
  suggestedActions,
  unitRiskFromHistory,
} from "~/domain/maintenance-forecast";
import { plusDays } from "~/domain/analytics";
import { Prisma } from "../../db/generated/client";
import type { Db, DbTx } from "../../db";

type Reader = Db | DbTx;
const localDay = (timeZone: string) =>
  Prisma.sql`((r."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;

export type RiskedUnit = UnitRisk & {
  unitId: string;
  unitNumber: string;
  windshieldSeq: number;
  customerId: string;
  customerName: string;
  repairs: number;
  actions: string[];
};

/** Monthly completions of the last 36 whole months, oldest first, and the first month's number (from the rollups). */
export async function monthlyCounts(db: Reader, today: string): Promise<{ counts: number[]; firstMonth: number }> {
  const start = `${String(Number(today.slice(0, 4)) - 3)}-${today.slice(5, 7)}-01`;
  const end = `${today.slice(0, 7)}-01`;
  const rows = await db.$queryRaw<{ month: string; repairs: unknown }[]>`
    SELECT to_char(d.day, 'YYYY-MM') AS month, sum(d.repairs) AS repairs FROM "AnalyticsDay" d
    WHERE d.monthly AND d.day >= ${start}::date AND d.day < ${end}::date
    GROUP BY 1`;
  const found = new Map(rows.map((r) => [r.month, Number(r.repairs)]));
  // Months before the first repair ever are not zeros: they are no history.
  const counts: number[] = [];
  let firstMonth = Number(start.slice(5, 7));
  let seenAny = false;
  for (let month = start.slice(0, 7); month < end.slice(0, 7); ) {
    const count = found.get(month) ?? 0;
    if (count > 0 || seenAny) {
      if (!seenAny) firstMonth = Number(month.slice(5, 7));
      seenAny = true;
      counts.push(count);
    }
    const [y, m] = month.split("-").map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  return { counts, firstMonth };
}

/** The business's season; the rollups must be current (refreshAnalyticsRollups). */
export async function businessSeason(db: Reader, today: string): Promise<number[]> {
  const { counts, firstMonth } = await monthlyCounts(db, today);
  return seasonalIndex(counts, firstMonth);
}

/**
 * Every unit of the customers asked for (all when null) with its risk, highest first. Each
 * customer's fleet rate (repairs per unit per day over the last year) stands in for a unit with
 * fewer than two repairs on its windshield.
 */
export async function riskedUnits(
  db: Reader,
  customerId: string | null,
  today: string,
  timeZone: string,
  season: readonly number[],
): Promise<RiskedUnit[]> {
  const customer = customerId ? Prisma.sql`AND u."customerId" = ${customerId}::uuid` : Prisma.empty;
  const yearAgo = plusDays(today, -365);
  const rates = await db.$queryRaw<{ id: string; repairs: unknown; units: unknown }[]>`
    SELECT c.id::text AS id,
      (SELECT count(*) FROM "Repair" r WHERE r."customerId" = c.id
         AND r."completedAt" >= ((${yearAgo}::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')) AS repairs,
      (SELECT count(*) FROM "Unit" u WHERE u."customerId" = c.id) AS units
    FROM "Customer" c ${customerId ? Prisma.sql`WHERE c.id = ${customerId}::uuid` : Prisma.empty}`;
  const rateOf = new Map(rates.map((r) => [r.id, Number(r.units) ? Number(r.repairs) / Number(r.units) / 365 : 0]));
  const rows = await db.$queryRaw<
    {
      id: string;
      number: string;
      seq: number;
      customerId: string;
      customerName: string;
      repairs: unknown;
      first: string | null;
      last: string | null;
    }[]
  >`
    SELECT u.id::text AS id, u."unitNumber" AS number, u."windshieldSeq" AS seq, u."customerId"::text AS "customerId",
      c.name AS "customerName", count(r.id) AS repairs,
      to_char(min(${localDay(timeZone)}), 'YYYY-MM-DD') AS first, to_char(max(${localDay(timeZone)}), 'YYYY-MM-DD') AS last
    FROM "Unit" u
    JOIN "Customer" c ON c.id = u."customerId"
    LEFT JOIN "Repair" r ON r."unitId" = u.id AND r."windshieldSeq" = u."windshieldSeq" AND r."completedAt" IS NOT NULL
    WHERE TRUE ${customer}
    GROUP BY u.id, c.name`;
  return rows
    .map((row) => {
      const risk = unitRiskFromHistory({
        history: { repairs: Number(row.repairs), firstOn: row.first, lastOn: row.last },
        fleetRatePerDay: rateOf.get(row.customerId) ?? 0,
        season,
        today,
      });
      return {
        ...risk,
        unitId: row.id,
        unitNumber: row.number,
        windshieldSeq: row.seq,
        customerId: row.customerId,
        customerName: row.customerName,
        repairs: Number(row.repairs),
        actions: suggestedActions(season, today, risk),
      };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.nextLikelyRepairOn ?? "9999").localeCompare(b.nextLikelyRepairOn ?? "9999") ||
        a.unitNumber.localeCompare(b.unitNumber),
    );
}

