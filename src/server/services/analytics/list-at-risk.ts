// Predictive maintenance: the ranked units at risk (the business's for the office, the customer
// user's own fleet), per customer a summary, and the season behind them. The formula is
// unitRiskFromHistory in src/domain/maintenance-forecast.ts, explained on the screens' help.
import "server-only";
import { z } from "zod";
import { RISK_ALERT_THRESHOLD, suggestedActions } from "~/domain/maintenance-forecast";
import { config } from "../../config";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { type RiskedUnit, businessSeason, riskedUnits } from "../../data/analytics/risk-facts";
import { businessDate } from "../../data/settings/business-day";
import { resolveScope } from "./get-dashboard";

export const atRiskInput = z.object({
  customerId: z.string().uuid().optional(),
  /** How many units of the ranking to answer (the CSV takes them all). */
  limit: z.number().int().min(1).max(100_000).default(50),
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
  units: RiskedUnit[];
  /** Units looked at, and those at or above the threshold. */
  counted: number;
  atRisk: number;
  customers: CustomerRisk[];
};

export async function listAtRisk(db: Db, ctx: ServiceContext, raw: z.input<typeof atRiskInput>): Promise<AtRisk> {
  const input = atRiskInput.parse(raw);
  const scope = resolveScope(ctx, input.customerId);
  const customerId = scope.kind === "customer" ? scope.customerId : null;
  const today = businessDate();
  const timeZone = config().BUSINESS_TIME_ZONE;
  const season = await businessSeason(db, today, timeZone);
  const units = await riskedUnits(db, customerId, today, timeZone, season);
  const byCustomer = new Map<string, RiskedUnit[]>();
  for (const u of units) byCustomer.set(u.customerId, [...(byCustomer.get(u.customerId) ?? []), u]);
  const customers = [...byCustomer.values()]
    .map((own): CustomerRisk => {
      const atRisk = own.filter((u) => u.score >= RISK_ALERT_THRESHOLD);
      return {
        customerId: own[0]!.customerId,
        customerName: own[0]!.customerName,
        units: own.length,
        atRisk: atRisk.length,
        averageScore: Math.round(own.reduce((s, u) => s + u.score, 0) / own.length),
        actions: [
          ...suggestedActions(season, today),
          ...(atRisk.length ? [`Inspect ${atRisk.length} unit${atRisk.length === 1 ? "" : "s"} at high risk.`] : []),
        ],
      };
    })
    .sort(
      (a, b) => b.atRisk - a.atRisk || b.averageScore - a.averageScore || a.customerName.localeCompare(b.customerName),
    );
  return {
    today,
    threshold: RISK_ALERT_THRESHOLD,
    season,
    units: units.slice(0, input.limit),
    counted: units.length,
    atRisk: units.filter((u) => u.score >= RISK_ALERT_THRESHOLD).length,
    customers,
  };
}
