// Predictive maintenance: the ranked units at risk (the business's for an admin, a manager's
// team's customers, the customer user's own fleet), per customer a summary, and the season behind them, read from UnitRisk as
// the units-at-risk job last computed it (check-risk-alerts.ts; computed at once when never
// run). The formula is unitRiskFromHistory in src/domain/maintenance-forecast.ts, explained on
// the screens' help.
import "server-only";
import { z } from "zod";
import { RISK_ALERT_THRESHOLD, type UnitRisk, suggestedActions } from "~/domain/maintenance-forecast";
import { config } from "../../config";
import type { Db } from "../../db";
import { Prisma } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { type RiskedUnit, businessSeason } from "../../data/analytics/risk-facts";
import { refreshAnalyticsRollups } from "../../data/analytics/rollups";
import { businessDate } from "../../data/settings/business-day";
import { checkRiskAlerts } from "./check-risk-alerts";
import { resolveScope } from "./get-dashboard";
import type { AnalyticsScope } from "../../data/analytics/scope";

export const atRiskInput = z.object({
  customerId: z.string().uuid().optional(),
  /** How many units of the ranking to answer (the CSV takes them all). */
  limit: z.number().int().min(1).max(1_000_000).default(50),
});

export type CustomerRisk = {
  customerId: string;
  customerName: string;
  units: number;
  atRisk: number;
  averageScore: number;
  actions: string[];
};

export type AtRisk = {
  today: string;
  threshold: number;
  season: number[];
  /** When the risks were computed (null: no unit yet). */
  computedAt: Date | null;
  units: RiskedUnit[];
  /** Units looked at, and those at or above the threshold. */
  counted: number;
  atRisk: number;
  customers: CustomerRisk[];
};

const num = (v: unknown) => Number(v ?? 0);

/**
 * Whose units the list ranks (UnitRisk aliased `r`): the business's, one customer's, or a
 * manager's team's customers: those its technicians completed work for (the rollups), have open
 * work assigned at, or walk.
 */
function riskScope(scope: AnalyticsScope): Prisma.Sql {
  if (scope.kind === "business") return Prisma.sql`WHERE TRUE`;
  if (scope.kind === "customer") return Prisma.sql`WHERE r."customerId" = ${scope.customerId}::uuid`;
  const team = scope.technicianIds;
  return Prisma.sql`WHERE r."customerId" IN (
    SELECT s."customerId" FROM "AnalyticsCustomerSpan" s WHERE s.monthly AND s."technicianId" = ANY(${team}::uuid[])
    UNION
    SELECT x."customerId" FROM "Repair" x
    WHERE x."technicianId" = ANY(${team}::uuid[]) AND x.status IN ('APPROVED', 'ASSIGNED', 'IN_PROGRESS')
    UNION
    SELECT w."customerId" FROM "LotWalk" w WHERE w."technicianId" = ANY(${team}::uuid[]))`;
}

export async function listAtRisk(db: Db, ctx: ServiceContext, raw: z.input<typeof atRiskInput>): Promise<AtRisk> {
  const input = atRiskInput.parse(raw);
  const scope = resolveScope(ctx, input.customerId);
  const today = businessDate();
  const timeZone = config().BUSINESS_TIME_ZONE;
  const where = riskScope(scope);
  const [computed] = await db.$queryRaw<{ any: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "UnitRisk") OR NOT EXISTS (SELECT 1 FROM "Unit") AS any`;
  if (!computed?.any) await checkRiskAlerts(db);
  await refreshAnalyticsRollups(db, timeZone);
  const season = await businessSeason(db, today);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT r."unitId"::text AS "unitId", un."unitNumber", r."windshieldSeq", r."customerId"::text AS "customerId",
      c.name AS "customerName", r.repairs, r.score, r."mtbfDays",
      to_char(r."nextLikelyRepairOn", 'YYYY-MM-DD') AS "nextLikelyRepairOn",
      to_char(r."recommendedInspectionOn", 'YYYY-MM-DD') AS "recommendedInspectionOn"
    FROM "UnitRisk" r JOIN "Unit" un ON un.id = r."unitId" JOIN "Customer" c ON c.id = r."customerId"
    ${where}
    ORDER BY r.score DESC, r."nextLikelyRepairOn" NULLS LAST, un."unitNumber"
    LIMIT ${input.limit}`;
  const units = rows.map((row): RiskedUnit => {
    const risk: UnitRisk = {
      score: num(row.score),
      mtbfDays: row.mtbfDays === null ? null : num(row.mtbfDays),
      nextLikelyRepairOn: (row.nextLikelyRepairOn as string | null) ?? null,
      recommendedInspectionOn: (row.recommendedInspectionOn as string | null) ?? null,
    };
    return {
      ...risk,
      unitId: String(row.unitId),
      unitNumber: String(row.unitNumber),
      windshieldSeq: num(row.windshieldSeq),
      customerId: String(row.customerId),
      customerName: String(row.customerName),
      repairs: num(row.repairs),
      actions: suggestedActions(season, today, risk),
    };
  });
  const summary = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT r."customerId"::text AS id, c.name, count(*) AS units,
      count(*) FILTER (WHERE r.score >= ${RISK_ALERT_THRESHOLD}) AS "atRisk", round(avg(r.score)) AS average,
      max(r."computedAt") AS computed
    FROM "UnitRisk" r JOIN "Customer" c ON c.id = r."customerId"
    ${where}
    GROUP BY r."customerId", c.name
    ORDER BY 4 DESC, 5 DESC, c.name`;
  const walkAdvice = suggestedActions(season, today);
  const customers = summary.map((s): CustomerRisk => {
    const atRisk = num(s.atRisk);
    return {
      customerId: String(s.id),
      customerName: String(s.name),
      units: num(s.units),
      atRisk,
      averageScore: num(s.average),
      actions: [...walkAdvice, ...(atRisk ? [`Inspect ${atRisk} unit${atRisk === 1 ? "" : "s"} at high risk.`] : [])],
    };
  });
  const computedAt = summary.reduce<Date | null>((latest, s) => {
    const at = s.computed as Date | null;
    return at && (!latest || at > latest) ? at : latest;
  }, null);
  return {
    today,
    threshold: RISK_ALERT_THRESHOLD,
    season,
    computedAt,
    units,
    counted: customers.reduce((n, c) => n + c.units, 0),
    atRisk: customers.reduce((n, c) => n + c.atRisk, 0),
    customers,
  };
}
