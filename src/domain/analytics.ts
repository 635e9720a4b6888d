// The dashboard's figures as plain functions over plain rows, in the business's calendar. The
// server computes the same figures with SQL aggregates (src/server/data/analytics/); these are
// the definitions, and the integration tests check the database's answers against them.
import { dayKey } from "./business-month";
import { DomainError } from "./errors";

export class InvalidPeriod extends DomainError {
  readonly code = "INVALID_PERIOD";
}

export const PERIOD_KINDS = ["day", "week", "month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** A custom period covers at most five years (leap days included). */
export const MAX_PERIOD_DAYS = 5 * 365 + 2;

export type PeriodInput = { kind: PeriodKind; anchor?: string; from?: string; to?: string };
/** Business days, both ends included ("yyyy-mm-dd"). */
export type Period = { from: string; to: string; days: number };
export type PeriodPair = { kind: PeriodKind; current: Period; previous: Period };

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const plusDays = (date: string, days: number) => dateOf(dayNumber(date) + days);
const period = (from: string, to: string): Period => ({ from, to, days: dayNumber(to) - dayNumber(from) + 1 });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * How a period reads the rollups: its whole calendar months as month rows (`months`: the first
 * and last month's first day, null when none) and the days of its partial months as day rows
 * (`days`: up to two ranges, both ends included).
 */
export type PeriodSpans = { months: [string, string] | null; days: [string, string][] };

export function periodSpans(p: Pick<Period, "from" | "to">): PeriodSpans {
  const firstWhole = p.from.endsWith("-01") ? p.from : nextMonthStart(p.from);
  const afterLastWhole = plusDays(p.to, 1).endsWith("-01") ? plusDays(p.to, 1) : `${p.to.slice(0, 7)}-01`;
  if (firstWhole >= afterLastWhole) return { months: null, days: [[p.from, p.to]] };
  const days: [string, string][] = [];
  if (p.from < firstWhole) days.push([p.from, plusDays(firstWhole, -1)]);
  if (afterLastWhole <= p.to) days.push([afterLastWhole, p.to]);
  return { months: [firstWhole, `${plusDays(afterLastWhole, -1).slice(0, 7)}-01`], days };
}

function nextMonthStart(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

function checkedDate(value: string | undefined, name: string): string {
  if (!value || !DATE.test(value) || Number.isNaN(dayNumber(value)) || dateOf(dayNumber(value)) !== value)
    throw new InvalidPeriod(`The ${name} date must be a calendar date (yyyy-mm-dd).`);
  return value;
}

/** The first day of the calendar month `offset` months from the month of `date`. */
function monthStart(date: string, offset = 0): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

function calendarPeriod(kind: Exclude<PeriodKind, "custom">, anchor: string, offset: number): Period {
  switch (kind) {
    case "day":
      return period(plusDays(anchor, offset), plusDays(anchor, offset));
    case "week": {
      const weekday = (new Date(`${anchor}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
      const monday = plusDays(anchor, -weekday + 7 * offset);
      return period(monday, plusDays(monday, 6));
    }
    case "month":
    case "quarter":
    case "year": {
      const months = kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
      const month = Number(anchor.slice(5, 7)) - 1;
      const first = monthStart(anchor, -(month % months) + offset * months);
      return period(first, plusDays(monthStart(first, months), -1));
    }
  }
}

/**
 * The period asked for and the one just before it, of the same kind (the previous calendar
 * month, quarter...; for a custom period, as many days ending the day before it starts).
 * Refused: a custom period ending before it starts or longer than five years.
 */
export function resolvePeriod(input: PeriodInput, today: string): PeriodPair {
  if (input.kind === "custom") {
    const from = checkedDate(input.from, "start");
    const to = checkedDate(input.to, "end");
    if (to < from) throw new InvalidPeriod("The period ends before it starts.");
    const current = period(from, to);
    if (current.days > MAX_PERIOD_DAYS) throw new InvalidPeriod("A custom period covers at most 5 years.");
    return { kind: "custom", current, previous: period(plusDays(from, -current.days), plusDays(from, -1)) };
  }
  const anchor = input.anchor ? checkedDate(input.anchor, "period's") : today;
  return {
    kind: input.kind,
    current: calendarPeriod(input.kind, anchor, 0),
    previous: calendarPeriod(input.kind, anchor, -1),
  };
}

// ---------------------------------------------------------------------------------------------

/** A completed repair as the dashboard reads it. */
export type AnalyticsRepair = {
  id: string;
  technicianId: string | null;
  customerId: string;
  unitId: string;
  windshieldSeq: number;
  jobId: string | null;
  followUpOfId: string | null;
  origin: "LOT_WALK" | "CUSTOMER_REQUEST" | "STAFF";
  damageType: string;
  priceCents: number;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date;
  latitude: number | null;
  longitude: number | null;
};

/** The operational targets shown on the KPI strip. */
export const KPI_TARGETS = {
  completionMinutes: 120,
  responseMinutes: 30,
  utilizationPercent: 75,
  invoiceAccuracyPercent: 99,
  satisfaction: 4.5,
} as const;

/** A survey answer: its stars (1–5), whose repair work it rates, and when it was answered. */
export type SurveyAnswer = { stars: number; technicianId: string | null; customerId: string; answeredAt: Date };

/** Customer satisfaction: the average stars of the answers, one decimal; null ("no data") without any. */
export function averageStars(answers: readonly Pick<SurveyAnswer, "stars">[]): number | null {
  if (answers.length === 0) return null;
  return Math.round((10 * answers.reduce((s, a) => s + a.stars, 0)) / answers.length) / 10;
}

/** A technician's paid day, for utilization: 8 hours on each weekday (Monday–Friday) of the period. */
export const WORKDAY_MINUTES = 8 * 60;
/** A repair followed by another on the same windshield within this many days was a callback. */
export const CALLBACK_DAYS = 90;

const minutesBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;
const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Mean minutes from started to completed, over repairs with both times; null when none. */
export function averageCompletionMinutes(rows: readonly AnalyticsRepair[]): number | null {
  return round1(mean(rows.flatMap((r) => (r.startedAt ? [minutesBetween(r.startedAt, r.completedAt)] : []))));
}

/** Minutes worked: started to completed, summed (repairs without a start count nothing). */
export function workedMinutes(rows: readonly AnalyticsRepair[]): number {
  return rows.reduce((sum, r) => sum + (r.startedAt ? minutesBetween(r.startedAt, r.completedAt) : 0), 0);
}

/** Mean minutes from a customer's request to the technician starting on it; null when none. */
export function averageResponseMinutes(rows: readonly AnalyticsRepair[]): number | null {
  return round1(
    mean(
      rows.flatMap((r) =>
        r.origin === "CUSTOMER_REQUEST" && r.startedAt ? [minutesBetween(r.createdAt, r.startedAt)] : [],
      ),
    ),
  );
}

/** Weekdays (Monday–Friday) in a period. */
export function weekdaysIn(p: Period): number {
  let count = 0;
  for (let d = dayNumber(p.from); d <= dayNumber(p.to); d++) {
    const weekday = new Date(d * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** Worked time over paid time (8 h each weekday for each technician who completed work), percent. */
export function utilizationPercent(rows: readonly AnalyticsRepair[], p: Period): number | null {
  const technicians = new Set(rows.flatMap((r) => (r.technicianId ? [r.technicianId] : []))).size;
  const paid = technicians * weekdaysIn(p) * WORKDAY_MINUTES;
  if (paid === 0) return null;
  const worked = workedMinutes(rows.filter((r) => r.technicianId));
  return round1((100 * worked) / paid);
}

/**
 * The repairs of `rows` that were called back: a later repair on the same windshield (not a
 * break of the same job) completed within 90 days, or a follow-up made of it. `history` holds
 * the repairs that may follow (those of `rows` and later ones).
 */
export function callbackIds(rows: readonly AnalyticsRepair[], history: readonly AnalyticsRepair[]): Set<string> {
  const windowMs = CALLBACK_DAYS * DAY_MS;
  const byWindshield = new Map<string, AnalyticsRepair[]>();
  for (const h of history) {
    const key = `${h.unitId}:${h.windshieldSeq}`;
    byWindshield.set(key, [...(byWindshield.get(key) ?? []), h]);
  }
  const followed = new Set(history.flatMap((h) => (h.followUpOfId ? [h.followUpOfId] : [])));
  const ids = new Set<string>();
  for (const r of rows) {
    if (followed.has(r.id)) {
      ids.add(r.id);
      continue;
    }
    const later = (byWindshield.get(`${r.unitId}:${r.windshieldSeq}`) ?? []).some(
      (h) =>
        h.id !== r.id &&
        (r.jobId === null || h.jobId !== r.jobId) &&
        h.completedAt > r.completedAt &&
        h.completedAt.getTime() - r.completedAt.getTime() <= windowMs,
    );
    if (later) ids.add(r.id);
  }
  return ids;
}

export type TechnicianFigures = {
  technicianId: string;
  repairs: number;
  repairsPerDay: number;
  averageCompletionMinutes: number | null;
  revenueCents: number;
  callbackRatePercent: number | null;
};

/** One row per technician with completed work in the period, most repairs first. */
export function technicianFigures(
  rows: readonly AnalyticsRepair[],
  p: Period,
  callbacks: ReadonlySet<string>,
): TechnicianFigures[] {
  const groups = groupBy(
    rows.filter((r) => r.technicianId),
    (r) => r.technicianId!,
  );
  return [...groups]
    .map(([technicianId, own]) => ({
      technicianId,
      repairs: own.length,
      repairsPerDay: Math.round((100 * own.length) / p.days) / 100,
      averageCompletionMinutes: averageCompletionMinutes(own),
      revenueCents: own.reduce((s, r) => s + r.priceCents, 0),
      callbackRatePercent: round1((100 * own.filter((r) => callbacks.has(r.id)).length) / own.length),
    }))
    .sort((a, b) => b.repairs - a.repairs || a.technicianId.localeCompare(b.technicianId));
}

export type CustomerFigures = {
  customerId: string;
  repairs: number;
  averagePriceCents: number;
  revenueCents: number;
};

/** One row per customer with completed work in the period, most revenue first. */
export function customerFigures(rows: readonly AnalyticsRepair[]): CustomerFigures[] {
  return [...groupBy(rows, (r) => r.customerId)]
    .map(([customerId, own]) => {
      const revenueCents = own.reduce((s, r) => s + r.priceCents, 0);
      return {
        customerId,
        repairs: own.length,
        averagePriceCents: Math.round(revenueCents / own.length),
        revenueCents,
      };
    })
    .sort((a, b) => b.revenueCents - a.revenueCents || a.customerId.localeCompare(b.customerId));
}

export type InvoiceFacts = {
  customerId: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  status: string;
  issuedOn: string | null;
  dueOn: string | null;
  totalCents: number;
  paidCents: number;
  /** The day the last payment made it paid in full; null while a balance is left. */
  paidInFullOn: string | null;
  /** A credit note was issued against it (voided). */
  credited: boolean;
};

/** Mean days from issue to payment in full, over invoices issued in the period and paid. */
export function averageDaysToPay(invoices: readonly InvoiceFacts[], p: Period): number | null {
  return round1(
    mean(
      invoices.flatMap((i) =>
        i.kind === "INVOICE" && i.issuedOn && i.paidInFullOn && i.issuedOn >= p.from && i.issuedOn <= p.to
          ? [dayNumber(i.paidInFullOn) - dayNumber(i.issuedOn)]
          : [],
      ),
    ),
  );
}

/** What is owed past the due day, as of `today` (issued invoices only). */
export function overdueCents(invoices: readonly InvoiceFacts[], today: string): number {
  return invoices.reduce(
    (sum, i) =>
      i.kind === "INVOICE" && i.status === "ISSUED" && i.dueOn && i.dueOn < today
        ? sum + i.totalCents - i.paidCents
        : sum,
    0,
  );
}

/** Invoices issued in the period and never credited afterwards, percent of those issued. */
export function invoiceAccuracyPercent(invoices: readonly InvoiceFacts[], p: Period): number | null {
  const issued = invoices.filter(
    (i) => i.kind === "INVOICE" && i.issuedOn && i.issuedOn >= p.from && i.issuedOn <= p.to,
  );
  if (issued.length === 0) return null;
  return round1((100 * issued.filter((i) => !i.credited).length) / issued.length);
}

export type RevenueBucket = "day" | "week" | "month";

/** Days up to two months, weeks up to a year and a bit, months beyond. */
export function revenueBucketFor(p: Period): RevenueBucket {
  return p.days <= 62 ? "day" : p.days <= 371 ? "week" : "month";
}

/** The first day of the bucket holding `date` (weeks start on Monday). */
export function bucketStart(date: string, bucket: RevenueBucket): string {
  if (bucket === "day") return date;
  if (bucket === "month") return `${date.slice(0, 7)}-01`;
  return plusDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

export type RevenuePoint = { start: string; repairs: number; revenueCents: number };

/** Revenue and repairs per bucket over the whole period, empty buckets included. */
export function revenueSeries(rows: readonly AnalyticsRepair[], p: Period, timeZone: string): RevenuePoint[] {
  const bucket = revenueBucketFor(p);
  const points = new Map<string, RevenuePoint>();
  for (let d = p.from; d <= p.to; d = plusDays(d, 1)) {
    const start = bucketStart(d, bucket);
    if (!points.has(start)) points.set(start, { start, repairs: 0, revenueCents: 0 });
  }
  for (const r of rows) {
    const point = points.get(bucketStart(dayKey(r.completedAt, timeZone), bucket));
    if (!point) continue;
    point.repairs += 1;
    point.revenueCents += r.priceCents;
  }
  return [...points.values()];
}

/** Completed repairs per damage type, most first. */
export function damageTypeDistribution(rows: readonly AnalyticsRepair[]): { damageType: string; repairs: number }[] {
  return [...groupBy(rows, (r) => r.damageType)]
    .map(([damageType, own]) => ({ damageType, repairs: own.length }))
    .sort((a, b) => b.repairs - a.repairs || a.damageType.localeCompare(b.damageType));
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
/** Weekday (0 = Monday) and hour (0–23) of an instant on the business's clock. */
export function weekdayAndHour(date: Date, timeZone: string): { weekday: number; hour: number } {
  let format = clockFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US-u-nu-latn", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      hourCycle: "h23",
    });
    clockFormatters.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(
    parts.find((x) => x.type === "weekday")!.value,
  );
  return { weekday, hour: Number(parts.find((x) => x.type === "hour")!.value) % 24 };
}

/** 7 × 24 counts of completions, Monday first, by the hour on the business's clock. */
export function weekdayHourHeat(rows: readonly AnalyticsRepair[], timeZone: string): number[][] {
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rows) {
    const { weekday, hour } = weekdayAndHour(r.completedAt, timeZone);
    grid[weekday]![hour]! += 1;
  }
  return grid;
}

/** Grid cells of the geographic heat map: 0.01° (about 1 km) squares. */
export const GEO_CELL_DEGREES = 0.01;
export type GeoCell = { latitude: number; longitude: number; repairs: number };

/** Repairs with capture GPS per 0.01° cell (the cell's south-west corner), most first. */
export function geoCells(rows: readonly AnalyticsRepair[]): GeoCell[] {
  const cells = new Map<string, GeoCell>();
  for (const r of rows) {
    if (r.latitude === null || r.longitude === null) continue;
    // floor(x · 100) / 100, as the SQL computes it (same IEEE arithmetic, same cells).
    const latitude = Math.floor(r.latitude * 100) / 100;
    const longitude = Math.floor(r.longitude * 100) / 100;
    const key = `${latitude}:${longitude}`;
    const cell = cells.get(key) ?? { latitude, longitude, repairs: 0 };
    cell.repairs += 1;
    cells.set(key, cell);
  }
  return [...cells.values()].sort(
    (a, b) => b.repairs - a.repairs || a.latitude - b.latitude || a.longitude - b.longitude,
  );
}

export type CostSettings = { materialsCostCentsPerRepair: number; technicianHourlyCostCents: number };
export type Profit = { revenueCents: number; costCents: number; profitCents: number; marginPercent: number | null };

/** Revenue less materials (per repair) and technicians' time (started to completed, hourly). */
export function profit(rows: readonly AnalyticsRepair[], costs: CostSettings): Profit {
  const revenueCents = rows.reduce((s, r) => s + r.priceCents, 0);
  const costCents = Math.round(
    rows.length * costs.materialsCostCentsPerRepair + (workedMinutes(rows) / 60) * costs.technicianHourlyCostCents,
  );
  const profitCents = revenueCents - costCents;
  return {
    revenueCents,
    costCents,
    profitCents,
    marginPercent: revenueCents ? round1((100 * profitCents) / revenueCents) : null,
  };
}

/** Change from `previous` to `current` in percent; null when there was nothing before. */
export function changePercent(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return round1((100 * (current - previous)) / Math.abs(previous));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
