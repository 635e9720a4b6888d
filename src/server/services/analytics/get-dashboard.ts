// The analytics dashboard of the actor's scope for a period, beside the period before it: KPIs
// with their targets, technicians, customers, revenue, damage types, weekday × hour, GPS cells and
// (admin) the profit margin. Every figure is one indexed aggregate (dashboard-queries.ts).
import "server-only";
import {
  KPI_TARGETS,
  type PeriodPair,
  type Profit,
  type RevenueBucket,
  type RevenuePoint,
  type GeoCell,
  WORKDAY_MINUTES,
  changePercent,
  resolvePeriod,
  revenueBucketFor,
  weekdaysIn,
} from "~/domain/analytics";
import { config } from "../../config";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { businessDate } from "../../data/settings/business-day";
import { readCostSettings } from "../../data/analytics/cost-settings";
import {
  type CustomerRow,
  type Summary,
  type TechnicianRow,
  customerRows,
  damageTypes,
  geo,
  invoiceAccuracy,
  revenuePoints,
  rollupCustomerRows,
  rollupDamageTypes,
  rollupGeo,
  rollupRevenuePoints,
  rollupSummary,
  rollupTechnicianRows,
  rollupWeekdayHour,
  satisfaction,
  summary,
  weekdayHour,
} from "../../data/analytics/dashboard-queries";
import { refreshAnalyticsRollups } from "../../data/analytics/rollups";
import { type DashboardInput, dashboardInput } from "../../data/analytics/period-input";
import { type AnalyticsScope, scopeFor } from "../../data/analytics/scope";

export type Kpis = {
  repairs: number;
  revenueCents: number;
  completionMinutes: number | null;
  responseMinutes: number | null;
  utilizationPercent: number | null;
  invoiceAccuracyPercent: number | null;
  /** Average survey stars answered in the period (averageStars); null ("no data") without answers. */
  satisfaction: number | null;
};

export type Dashboard = {
  scope: AnalyticsScope["kind"];
  period: PeriodPair;
  today: string;
  kpis: Kpis;
  previousKpis: Kpis;
  changes: { repairs: number | null; revenueCents: number | null };
  targets: typeof KPI_TARGETS;
  technicians: TechnicianRow[];
  customers: CustomerRow[];
  revenue: { bucket: RevenueBucket; points: RevenuePoint[] };
  damageTypes: { damageType: string; repairs: number }[];
  weekdayHour: number[][];
  geo: GeoCell[];
  /** Admins only. */
  profit: Profit | null;
  /** Server time per query, ms. */
  timings: Record<string, number>;
};

/** The scope the actor asks for: their own, or (admin) one customer's; another customer's is not found. */
export function resolveScope(ctx: ServiceContext, customerId: string | undefined): AnalyticsScope {
  const own = scopeFor(ctx.actor);
  if (!own) throw new NotFound("No analytics here.");
  if (!customerId) return own;
  if (own.kind === "business") return { kind: "customer", customerId };
  if (own.kind === "customer" && own.customerId === customerId) return own;
  throw new NotFound("No such customer.");
}

/** Worked minutes over 8 h a weekday for each technician who completed work (utilizationPercent). */
export function utilization(s: Summary, weekdays: number): number | null {
  const paid = s.technicians * weekdays * WORKDAY_MINUTES;
  return paid ? Math.round((1000 * s.technicianWorkedMinutes) / paid) / 10 : null;
}

export async function getDashboard(db: Db, ctx: ServiceContext, raw: DashboardInput): Promise<Dashboard> {
  const input = dashboardInput.parse(raw);
  const scope = resolveScope(ctx, input.customerId);
  const today = businessDate();
  const period = resolvePeriod(input.period, today);
  const timeZone = config().BUSINESS_TIME_ZONE;
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[name] = Math.round((performance.now() - start) * 10) / 10;
    }
  };
  const { current, previous } = period;
  const bucket = revenueBucketFor(current);
  // One after the other: the embedded database has one connection, and each is indexed and small.
  // The business and a team read the rollups' month and edge-day rows (brought up to date first:
  // cheap when nothing changed); one customer's repairs are few enough to read through its
  // (customerId, completedAt) index.
  const team = scope.kind === "team" ? scope.technicianIds : null;
  const rolled = scope.kind !== "customer";
  if (rolled) await timed("rollupRefresh", () => refreshAnalyticsRollups(db, timeZone));
  const sum = (p: typeof current) => (rolled ? rollupSummary(db, team, p) : summary(db, scope, p, timeZone));
  const now = await timed("summary", () => sum(current));
  const before = await timed("previousSummary", () => sum(previous));
  const accuracy = await timed("invoiceAccuracy", () => invoiceAccuracy(db, scope, current));
  const accuracyBefore = await timed("previousInvoiceAccuracy", () => invoiceAccuracy(db, scope, previous));
  const technicians = rolled ? await timed("technicians", () => rollupTechnicianRows(db, team, current)) : [];
  const customers = await timed("customers", () =>
    rolled ? rollupCustomerRows(db, team, current, today) : customerRows(db, scope, current, timeZone, today),
  );
  const points = await timed("revenue", () =>
    rolled ? rollupRevenuePoints(db, team, current, bucket) : revenuePoints(db, scope, current, timeZone, bucket),
  );
  const types = await timed("damageTypes", () =>
    rolled ? rollupDamageTypes(db, team, current) : damageTypes(db, scope, current, timeZone),
  );
  const heat = await timed("weekdayHour", () =>
    rolled ? rollupWeekdayHour(db, team, current) : weekdayHour(db, scope, current, timeZone),
  );
  const cells = await timed("geo", () => (rolled ? rollupGeo(db, team, current) : geo(db, scope, current, timeZone)));
  const stars = await timed("satisfaction", () => satisfaction(db, scope, current, timeZone));
  const starsBefore = await timed("previousSatisfaction", () => satisfaction(db, scope, previous, timeZone));
  const rated = {
    technicians: technicians.map((t) => ({ ...t, satisfaction: stars.byTechnician.get(t.technicianId) ?? null })),
    customers: customers.map((c) => ({
      ...c,
      satisfaction: stars.byCustomer.get(c.customerId) ?? null,
      previousSatisfaction: starsBefore.byCustomer.get(c.customerId) ?? null,
    })),
  };
  const costs = scope.kind === "business" ? await readCostSettings(db) : null;
  const kpis = (s: Summary, weekdays: number, invoice: number | null, rating: number | null): Kpis => ({
    repairs: s.repairs,
    revenueCents: s.revenueCents,
    completionMinutes: s.averageCompletionMinutes,
    responseMinutes: s.averageResponseMinutes,
    utilizationPercent: utilization(s, weekdays),
    invoiceAccuracyPercent: invoice,
    satisfaction: rating,
  });
  let profit: Profit | null = null;
  if (costs) {
    const costCents = Math.round(
      now.repairs * costs.materialsCostCentsPerRepair + (now.workedMinutes / 60) * costs.technicianHourlyCostCents,
    );
    const profitCents = now.revenueCents - costCents;
    profit = {
      revenueCents: now.revenueCents,
      costCents,
      profitCents,
      marginPercent: now.revenueCents ? Math.round((1000 * profitCents) / now.revenueCents) / 10 : null,
    };
  }
  return {
    scope: scope.kind,
    period,
    today,
    kpis: kpis(now, weekdaysIn(current), accuracy, stars.overall),
    previousKpis: kpis(before, weekdaysIn(previous), accuracyBefore, starsBefore.overall),
    changes: {
      repairs: changePercent(now.repairs, before.repairs),
      revenueCents: changePercent(now.revenueCents, before.revenueCents),
    },
    targets: KPI_TARGETS,
    technicians: rated.technicians,
    customers: rated.customers,
    revenue: { bucket, points },
    damageTypes: types,
    weekdayHour: heat,
    geo: cells,
    profit,
    timings,
  };
}
