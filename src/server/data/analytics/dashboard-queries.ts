// The dashboard's figures computed in the database: each an aggregate over one period's
// completions, found through the completedAt indexes (all, per technician, per customer), never a
// scan of the whole history. Definitions (and the integration tests' reference) are in
// src/domain/analytics.ts; a change here must keep the same meaning.
import "server-only";
import {
  CALLBACK_DAYS,
  type GeoCell,
  type Period,
  type RevenueBucket,
  type RevenuePoint,
  periodSpans,
  plusDays,
} from "~/domain/analytics";
import { Prisma } from "~/server/db/generated/client";
import type { Db, DbTx } from "../../db";
import { type AnalyticsScope, scopeCondition } from "./scope";

type Reader = Db | DbTx;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const maybe = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The UTC instant (as stored: timestamp without time zone) of a business day's midnight. */
export const midnight = (day: string, timeZone: string) =>
  Prisma.sql`((${day}::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`;

/** Completions in the period within the scope, the repair aliased `r`. */
export function inPeriod(scope: AnalyticsScope, p: Period, timeZone: string): Prisma.Sql {
  return Prisma.sql`r."completedAt" >= ${midnight(p.from, timeZone)}
    AND r."completedAt" < ${midnight(plusDays(p.to, 1), timeZone)}
    AND ${scopeCondition(scope)}`;
}

/** A completion's time on the business's clock. */
const localTime = (timeZone: string) => Prisma.sql`((r."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})`;
const minutes = Prisma.sql`EXTRACT(EPOCH FROM (r."completedAt" - r."startedAt")) / 60`;

/** Called back: see callbackIds in src/domain/analytics.ts. */
export const calledBack = Prisma.sql`(
  EXISTS (SELECT 1 FROM "Repair" f WHERE f."followUpOfId" = r.id AND f."completedAt" IS NOT NULL)
  OR EXISTS (
    SELECT 1 FROM "Repair" n
    WHERE n."unitId" = r."unitId" AND n."windshieldSeq" = r."windshieldSeq"
      AND n."completedAt" > r."completedAt"
      AND n."completedAt" <= r."completedAt" + ${`${CALLBACK_DAYS} days`}::interval
      AND n.id <> r.id AND (r."jobId" IS NULL OR n."jobId" IS DISTINCT FROM r."jobId")
  ))`;

export type Summary = {
  repairs: number;
  revenueCents: number;
  averageCompletionMinutes: number | null;
  averageResponseMinutes: number | null;
  workedMinutes: number;
  /** Minutes worked by repairs with a technician, and how many technicians: utilization's parts. */
  technicianWorkedMinutes: number;
  technicians: number;
};

export async function summary(db: Reader, scope: AnalyticsScope, p: Period, timeZone: string): Promise<Summary> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT count(*) AS repairs,
      coalesce(sum(r."priceCents"), 0) AS revenue,
      avg(${minutes}) FILTER (WHERE r."startedAt" IS NOT NULL) AS completion,
      avg(EXTRACT(EPOCH FROM (r."startedAt" - r."createdAt")) / 60)
        FILTER (WHERE r.origin = 'CUSTOMER_REQUEST' AND r."startedAt" IS NOT NULL) AS response,
      coalesce(sum(${minutes}) FILTER (WHERE r."startedAt" IS NOT NULL), 0) AS worked,
      coalesce(sum(${minutes}) FILTER (WHERE r."startedAt" IS NOT NULL AND r."technicianId" IS NOT NULL), 0) AS "techWorked",
      count(DISTINCT r."technicianId") AS technicians
    FROM "Repair" r WHERE ${inPeriod(scope, p, timeZone)}`;
  return {
    repairs: num(row!.repairs),
    revenueCents: num(row!.revenue),
    averageCompletionMinutes: round1(maybe(row!.completion)),
    averageResponseMinutes: round1(maybe(row!.response)),
    workedMinutes: num(row!.worked),
    technicianWorkedMinutes: num(row!.techWorked),
    technicians: num(row!.technicians),
  };
}

export type TechnicianRow = {
  technicianId: string;
  name: string;
  repairs: number;
  repairsPerDay: number;
  averageCompletionMinutes: number | null;
  revenueCents: number;
  callbackRatePercent: number | null;
  /** From customer surveys; null until surveys exist. */
  satisfaction: number | null;
};

export async function technicianRows(
  db: Reader,
  scope: AnalyticsScope,
  p: Period,
  timeZone: string,
): Promise<TechnicianRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT r."technicianId" AS id, u.name, count(*) AS repairs, sum(r."priceCents") AS revenue,
      avg(${minutes}) FILTER (WHERE r."startedAt" IS NOT NULL) AS completion,
      count(*) FILTER (WHERE ${calledBack}) AS callbacks
    FROM "Repair" r
    JOIN "Technician" t ON t.id = r."technicianId"
    JOIN "User" u ON u.id = t."userId"
    WHERE ${inPeriod(scope, p, timeZone)}
    GROUP BY r."technicianId", u.name
    ORDER BY count(*) DESC, r."technicianId"`;
  return rows.map((row) => ({
    technicianId: String(row.id),
    name: String(row.name),
    repairs: num(row.repairs),
    repairsPerDay: Math.round((100 * num(row.repairs)) / p.days) / 100,
    averageCompletionMinutes: round1(maybe(row.completion)),
    revenueCents: num(row.revenue),
    callbackRatePercent: round1((100 * num(row.callbacks)) / num(row.repairs)),
    satisfaction: null,
  }));
}

export type CustomerRow = {
  customerId: string;
  name: string;
  repairs: number;
  averagePriceCents: number;
  revenueCents: number;
  /** Every completed repair's price, all time. */
  lifetimeValueCents: number;
  averageDaysToPay: number | null;
  overdueCents: number;
  /** Average survey stars answered in the period and in the one before (the trend); null: no answers. */
  satisfaction: number | null;
  previousSatisfaction: number | null;
};

export async function customerRows(
  db: Reader,
  scope: AnalyticsScope,
  p: Period,
  timeZone: string,
  today: string,
): Promise<CustomerRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT r."customerId" AS id, c.name, count(*) AS repairs, sum(r."priceCents") AS revenue
    FROM "Repair" r JOIN "Customer" c ON c.id = r."customerId"
    WHERE ${inPeriod(scope, p, timeZone)}
    GROUP BY r."customerId", c.name
    ORDER BY sum(r."priceCents") DESC, r."customerId"`;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r.id));
  // Lifetime value: the customer's whole history through its (customerId, completedAt) index.
  const lifetime = await db.$queryRaw<{ id: string; value: unknown }[]>`
    SELECT r."customerId" AS id, sum(r."priceCents") AS value FROM "Repair" r
    WHERE r."customerId" = ANY(${ids}::uuid[]) AND r."completedAt" IS NOT NULL GROUP BY r."customerId"`;
  return withPayments(db, rows, lifetime, p, today);
}

/** The period's customer rows with lifetime value, days to pay and overdue amount added. */
async function withPayments(
  db: Reader,
  rows: Record<string, unknown>[],
  lifetime: { id: string; value: unknown }[],
  p: Period,
  today: string,
): Promise<CustomerRow[]> {
  const ids = rows.map((r) => String(r.id));
  const payments = await db.$queryRaw<{ id: string; days: unknown; overdue: unknown }[]>`
    SELECT i."customerId" AS id,
      avg(paid."on" - i."issuedOn") FILTER (
        WHERE i.status = 'PAID' AND i."issuedOn" BETWEEN ${p.from}::date AND ${p.to}::date
      ) AS days,
      coalesce(sum(i."totalCents" - i."paidCents") FILTER (
        WHERE i.status = 'ISSUED' AND i."dueOn" < ${today}::date
      ), 0) AS overdue
    FROM "Invoice" i
    LEFT JOIN LATERAL (SELECT max(pm."receivedOn") AS "on" FROM "Payment" pm WHERE pm."invoiceId" = i.id) paid ON TRUE
    WHERE i."customerId" = ANY(${ids}::uuid[]) AND i.kind = 'INVOICE'
    GROUP BY i."customerId"`;
  const lifetimeOf = new Map(lifetime.map((l) => [l.id, num(l.value)]));
  const paymentOf = new Map(payments.map((x) => [x.id, x]));
  return rows.map((row) => {
    const id = String(row.id);
    const pay = paymentOf.get(id);
    return {
      customerId: id,
      name: String(row.name),
      repairs: num(row.repairs),
      averagePriceCents: Math.round(num(row.revenue) / num(row.repairs)),
      revenueCents: num(row.revenue),
      lifetimeValueCents: lifetimeOf.get(id) ?? 0,
      averageDaysToPay: round1(maybe(pay?.days)),
      overdueCents: num(pay?.overdue),
      satisfaction: null,
      previousSatisfaction: null,
    };
  });
}

/** Revenue per bucket over the period, empty buckets included (as revenueSeries). */
export async function revenuePoints(
  db: Reader,
  scope: AnalyticsScope,
  p: Period,
  timeZone: string,
  bucket: RevenueBucket,
): Promise<RevenuePoint[]> {
  const unit = Prisma.raw(`'${bucket}'`);
  const rows = await db.$queryRaw<{ start: string; repairs: unknown; revenue: unknown }[]>`
    SELECT to_char(date_trunc(${unit}, ${localTime(timeZone)}), 'YYYY-MM-DD') AS start,
      count(*) AS repairs, sum(r."priceCents") AS revenue
    FROM "Repair" r WHERE ${inPeriod(scope, p, timeZone)}
    GROUP BY 1`;
  const found = new Map(rows.map((r) => [r.start, r]));
  const points: RevenuePoint[] = [];
  const seen = new Set<string>();
  for (let d = p.from; d <= p.to; d = plusDays(d, 1)) {
    const start = bucketOf(d, bucket);
    if (seen.has(start)) continue;
    seen.add(start);
    const row = found.get(start);
    points.push({ start, repairs: num(row?.repairs), revenueCents: num(row?.revenue) });
  }
  return points;
}

function bucketOf(day: string, bucket: RevenueBucket): string {
  if (bucket === "day") return day;
  if (bucket === "month") return `${day.slice(0, 7)}-01`;
  return plusDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

export async function damageTypes(
  db: Reader,
  scope: AnalyticsScope,
  p: Period,
  timeZone: string,
): Promise<{ damageType: string; repairs: number }[]> {
  const rows = await db.$queryRaw<{ type: string; repairs: unknown }[]>`
    SELECT r."damageType"::text AS type, count(*) AS repairs
    FROM "Repair" r WHERE ${inPeriod(scope, p, timeZone)}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
  return rows.map((r) => ({ damageType: r.type, repairs: num(r.repairs) }));
}

/** 7 × 24 completions, Monday first, by the hour on the business's clock. */
export async function weekdayHour(db: Reader, scope: AnalyticsScope, p: Period, timeZone: string): Promise<number[][]> {
  const rows = await db.$queryRaw<{ d: unknown; h: unknown; repairs: unknown }[]>`
    SELECT EXTRACT(ISODOW FROM ${localTime(timeZone)}) AS d, EXTRACT(HOUR FROM ${localTime(timeZone)}) AS h,
      count(*) AS repairs
    FROM "Repair" r WHERE ${inPeriod(scope, p, timeZone)}
    GROUP BY 1, 2`;
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rows) grid[num(r.d) - 1]![num(r.h)] = num(r.repairs);
  return grid;
}

/** At most this many cells are drawn (the busiest). */
export const GEO_CELL_LIMIT = 2000;

export async function geo(db: Reader, scope: AnalyticsScope, p: Period, timeZone: string): Promise<GeoCell[]> {
  const rows = await db.$queryRaw<{ lat: unknown; lon: unknown; repairs: unknown }[]>`
    SELECT floor(r.latitude * 100) / 100 AS lat, floor(r.longitude * 100) / 100 AS lon, count(*) AS repairs
    FROM "Repair" r WHERE ${inPeriod(scope, p, timeZone)} AND r.latitude IS NOT NULL AND r.longitude IS NOT NULL
    GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ${GEO_CELL_LIMIT}`;
  return rows.map((r) => ({ latitude: num(r.lat), longitude: num(r.lon), repairs: num(r.repairs) }));
}

export type Satisfaction = {
  overall: number | null;
  byTechnician: Map<string, number>;
  byCustomer: Map<string, number>;
};

/**
 * Customer satisfaction in the scope: the average stars of the surveys answered in the period
 * (business days), overall, per technician rated and per customer (averageStars).
 */
export async function satisfaction(db: Reader, scope: AnalyticsScope, p: Period, timeZone: string): Promise<Satisfaction> {
  const where =
    scope.kind === "business"
      ? Prisma.empty
      : scope.kind === "team"
        ? Prisma.sql`AND s."technicianId" = ANY(${scope.technicianIds}::uuid[])`
        : Prisma.sql`AND s."customerId" = ${scope.customerId}::uuid`;
  const rows = await db.$queryRaw<
    { technician: string | null; customer: string | null; by: string; stars: unknown; answers: unknown }[]
  >`
    SELECT s."technicianId"::text AS technician, s."customerId"::text AS customer,
      CASE WHEN GROUPING(s."technicianId") = 0 THEN 'technician'
        WHEN GROUPING(s."customerId") = 0 THEN 'customer' ELSE 'all' END AS by,
      sum(s.stars) AS stars, count(*) AS answers
    FROM "Survey" s
    WHERE s."answeredAt" >= ${midnight(p.from, timeZone)} AND s."answeredAt" < ${midnight(plusDays(p.to, 1), timeZone)}
      AND s.stars IS NOT NULL ${where}
    GROUP BY GROUPING SETS ((), (s."technicianId"), (s."customerId"))`;
  const average = (r: { stars: unknown; answers: unknown }) =>
    num(r.answers) ? Math.round((10 * num(r.stars)) / num(r.answers)) / 10 : null;
  const result: Satisfaction = { overall: null, byTechnician: new Map(), byCustomer: new Map() };
  for (const r of rows) {
    const value = average(r);
    if (value === null) continue;
    if (r.by === "all") result.overall = value;
    else if (r.by === "technician" && r.technician) result.byTechnician.set(r.technician, value);
    else if (r.by === "customer" && r.customer) result.byCustomer.set(r.customer, value);
  }
  return result;
}

/** Invoices issued in the period and never credited, percent (business or one customer). */
export async function invoiceAccuracy(db: Reader, scope: AnalyticsScope, p: Period): Promise<number | null> {
  if (scope.kind === "team") return null;
  const customer =
    scope.kind === "customer" ? Prisma.sql`AND i."customerId" = ${scope.customerId}::uuid` : Prisma.empty;
  const [row] = await db.$queryRaw<{ issued: unknown; credited: unknown }[]>`
    SELECT count(*) AS issued, count(c.id) AS credited
    FROM "Invoice" i LEFT JOIN "Invoice" c ON c."creditsInvoiceId" = i.id
    WHERE i.kind = 'INVOICE' AND i."issuedOn" BETWEEN ${p.from}::date AND ${p.to}::date ${customer}`;
  const issued = num(row?.issued);
  return issued ? round1((100 * (issued - num(row?.credited))) / issued) : null;
}

// ---- From the rollups (rollups.ts): the business's and a team's dashboards ----------------------

const NOBODY = "00000000-0000-0000-0000-000000000000";
/** The rollup rows (aliased `d`) of a period: its whole months' month rows and its edge days' day rows. */
function spanRows(p: Period): Prisma.Sql {
  const spans = periodSpans(p);
  const parts = spans.days.map(([from, to]) => Prisma.sql`(NOT d.monthly AND d.day BETWEEN ${from}::date AND ${to}::date)`);
  if (spans.months)
    parts.push(Prisma.sql`(d.monthly AND d.day BETWEEN ${spans.months[0]}::date AND ${spans.months[1]}::date)`);
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}
const dayRows = (p: Period) => Prisma.sql`(NOT d.monthly AND d.day BETWEEN ${p.from}::date AND ${p.to}::date)`;
const technicianFilter = (technicianIds: string[] | null) =>
  technicianIds ? Prisma.sql`AND d."technicianId" = ANY(${technicianIds}::uuid[])` : Prisma.empty;

/** summary() from AnalyticsDay; `technicianIds` null: the whole business. */
export async function rollupSummary(db: Reader, technicianIds: string[] | null, p: Period): Promise<Summary> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT coalesce(sum(d.repairs), 0) AS repairs, coalesce(sum(d."revenueCents"), 0) AS revenue,
      sum(d.started) AS started, sum(d."workedMinutes") AS worked,
      sum(d.requests) AS requests, sum(d."responseMinutes") AS response,
      coalesce(sum(d."workedMinutes") FILTER (WHERE d."technicianId" <> ${NOBODY}::uuid), 0) AS "techWorked",
      count(DISTINCT d."technicianId") FILTER (WHERE d."technicianId" <> ${NOBODY}::uuid AND d.repairs > 0) AS technicians
    FROM "AnalyticsDay" d WHERE ${spanRows(p)} ${technicianFilter(technicianIds)}`;
  const started = num(row!.started);
  const requests = num(row!.requests);
  return {
    repairs: num(row!.repairs),
    revenueCents: num(row!.revenue),
    averageCompletionMinutes: started ? round1(num(row!.worked) / started) : null,
    averageResponseMinutes: requests ? round1(num(row!.response) / requests) : null,
    workedMinutes: num(row!.worked),
    technicianWorkedMinutes: num(row!.techWorked),
    technicians: num(row!.technicians),
  };
}

export async function rollupTechnicianRows(db: Reader, technicianIds: string[] | null, p: Period): Promise<TechnicianRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT d."technicianId" AS id, u.name, sum(d.repairs) AS repairs, sum(d."revenueCents") AS revenue,
      sum(d.started) AS started, sum(d."workedMinutes") AS worked, sum(d.callbacks) AS callbacks
    FROM "AnalyticsDay" d
    JOIN "Technician" t ON t.id = d."technicianId"
    JOIN "User" u ON u.id = t."userId"
    WHERE ${spanRows(p)} ${technicianFilter(technicianIds)}
    GROUP BY d."technicianId", u.name
    HAVING sum(d.repairs) > 0
    ORDER BY sum(d.repairs) DESC, d."technicianId"`;
  return rows.map((row) => ({
    technicianId: String(row.id),
    name: String(row.name),
    repairs: num(row.repairs),
    repairsPerDay: Math.round((100 * num(row.repairs)) / p.days) / 100,
    averageCompletionMinutes: num(row.started) ? round1(num(row.worked) / num(row.started)) : null,
    revenueCents: num(row.revenue),
    callbackRatePercent: round1((100 * num(row.callbacks)) / num(row.repairs)),
    satisfaction: null,
  }));
}

/** customerRows() from AnalyticsCustomerSpan; lifetime value from its month rows. */
export async function rollupCustomerRows(
  db: Reader,
  technicianIds: string[] | null,
  p: Period,
  today: string,
): Promise<CustomerRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT d."customerId" AS id, c.name, sum(d.repairs) AS repairs, sum(d."revenueCents") AS revenue
    FROM "AnalyticsCustomerSpan" d JOIN "Customer" c ON c.id = d."customerId"
    WHERE ${spanRows(p)} ${technicianFilter(technicianIds)}
    GROUP BY d."customerId", c.name
    HAVING sum(d.repairs) > 0
    ORDER BY sum(d."revenueCents") DESC, d."customerId"`;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r.id));
  const lifetime = await db.$queryRaw<{ id: string; value: unknown }[]>`
    SELECT d."customerId" AS id, sum(d."revenueCents") AS value FROM "AnalyticsCustomerSpan" d
    WHERE d."customerId" = ANY(${ids}::uuid[]) AND d.monthly GROUP BY d."customerId"`;
  return withPayments(db, rows, lifetime, p, today);
}

export async function rollupRevenuePoints(
  db: Reader,
  technicianIds: string[] | null,
  p: Period,
  bucket: RevenueBucket,
): Promise<RevenuePoint[]> {
  const unit = Prisma.raw(`'${bucket}'`);
  // Month buckets take whole months' rows; days and weeks need the days.
  const rowsOf = bucket === "month" ? spanRows(p) : dayRows(p);
  const rows = await db.$queryRaw<{ start: string; repairs: unknown; revenue: unknown }[]>`
    SELECT to_char(date_trunc(${unit}, d.day), 'YYYY-MM-DD') AS start, sum(d.repairs) AS repairs,
      sum(d."revenueCents") AS revenue
    FROM "AnalyticsDay" d WHERE ${rowsOf} ${technicianFilter(technicianIds)}
    GROUP BY 1`;
  const found = new Map(rows.map((r) => [r.start, r]));
  const points: RevenuePoint[] = [];
  for (let d = p.from; d <= p.to; d = plusDays(d, 1)) {
    const start = bucketOf(d, bucket);
    if (points.at(-1)?.start === start) continue;
    const row = found.get(start);
    points.push({ start, repairs: num(row?.repairs), revenueCents: num(row?.revenue) });
  }
  return points;
}

export async function rollupDamageTypes(
  db: Reader,
  technicianIds: string[] | null,
  p: Period,
): Promise<{ damageType: string; repairs: number }[]> {
  const rows = await db.$queryRaw<{ type: string; repairs: unknown }[]>`
    SELECT d."damageType"::text AS type, sum(d.repairs) AS repairs FROM "AnalyticsTypeSpan" d
    WHERE ${spanRows(p)} ${technicianFilter(technicianIds)}
    GROUP BY 1 HAVING sum(d.repairs) > 0 ORDER BY 2 DESC, 1`;
  return rows.map((r) => ({ damageType: r.type, repairs: num(r.repairs) }));
}

export async function rollupWeekdayHour(db: Reader, technicianIds: string[] | null, p: Period): Promise<number[][]> {
  const rows = await db.$queryRaw<{ d: unknown; h: unknown; repairs: unknown }[]>`
    SELECT d.weekday AS d, d.hour AS h, sum(d.repairs) AS repairs FROM "AnalyticsHourSpan" d
    WHERE ${spanRows(p)} ${technicianFilter(technicianIds)} GROUP BY 1, 2`;
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rows) grid[num(r.d) - 1]![num(r.h)] = num(r.repairs);
  return grid;
}

export async function rollupGeo(db: Reader, technicianIds: string[] | null, p: Period): Promise<GeoCell[]> {
  const rows = await db.$queryRaw<{ lat: unknown; lon: unknown; repairs: unknown }[]>`
    SELECT d.latitude AS lat, d.longitude AS lon, sum(d.repairs) AS repairs FROM "AnalyticsGeoSpan" d
    WHERE ${spanRows(p)} ${technicianFilter(technicianIds)}
    GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ${GEO_CELL_LIMIT}`;
  return rows.map((r) => ({ latitude: num(r.lat), longitude: num(r.lon), repairs: num(r.repairs) }));
}
