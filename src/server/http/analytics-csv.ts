// Every analytics table and chart as CSV, for the actor's own scope and the period in the
// address (?kind=month&anchor=... or ?kind=custom&from=&to=, &customer= as on the screen).
// Streamed: the body pulls a page at a time (the completed repairs list by keyset on
// completedAt, id: a million rows never sit in memory, and a slow reader slows the reading).
import "server-only";
import { z } from "zod";
import { resolvePeriod } from "~/domain/analytics";
import type { ActorWithIdentity } from "../auth/actor";
import { config } from "../config";
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { inPeriod } from "../data/analytics/dashboard-queries";
import { periodInput } from "../data/analytics/period-input";
import { businessDate } from "../data/settings/business-day";
import { getDashboard, resolveScope } from "../services/analytics/get-dashboard";
import { listAtRisk } from "../services/analytics/list-at-risk";
import { csvField } from "./billing-csv";
import { refusalResponse, refusedResponse, signedOutResponse } from "./refusal-response";

export const ANALYTICS_CSV_TABLES = [
  "technicians",
  "customers",
  "revenue",
  "damage-types",
  "weekday-hour",
  "geo",
  "repairs",
  "at-risk",
] as const;
export type AnalyticsCsvTable = (typeof ANALYTICS_CSV_TABLES)[number];

const PAGE = 1000;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const line = (fields: (string | number | null | undefined)[]) => `${fields.map(csvField).join(",")}\r\n`;
const dollars = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));

export type Cells = (string | number | null)[];

export function streamed(name: string, header: string[], pages: AsyncGenerator<Cells[]>): Response {
  const encoder = new TextEncoder();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(line(header)));
        return;
      }
      const next = await pages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(line).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

async function* once(rows: Promise<Cells[]>): AsyncGenerator<Cells[]> {
  yield await rows;
}

export async function analyticsCsvResponse(
  db: Db,
  actor: ActorWithIdentity | null,
  table: string,
  search: URLSearchParams,
): Promise<Response> {
  if (!actor) return signedOutResponse();
  if (!(ANALYTICS_CSV_TABLES as readonly string[]).includes(table))
    return refusedResponse("NOT_FOUND", "No such analytics table.");
  try {
    const period = periodInput.parse({
      kind: search.get("kind") ?? "month",
      anchor: search.get("anchor") ?? undefined,
      from: search.get("from") ?? undefined,
      to: search.get("to") ?? undefined,
    });
    const customerId = z
      .string()
      .uuid()
      .optional()
      .parse(search.get("customer") ?? undefined);
    const ctx = { actor, origin: { ip: null, userAgent: null } };
    const scope = resolveScope(ctx, customerId);
    const today = businessDate();
    const { current: p } = resolvePeriod(period, today);
    const tz = config().BUSINESS_TIME_ZONE;
    const name = `${table}-${p.from}-to-${p.to}.csv`;
    // The aggregates are the dashboard's own answer: the file holds what the screen shows.
    const dashboard = () => getDashboard(db, ctx, { period, customerId });
    switch (table as AnalyticsCsvTable) {
      case "technicians":
        if (scope.kind === "customer") return refusedResponse("NOT_FOUND", "No such analytics table.");
        return streamed(
          name,
          [
            "technician",
            "repairs",
            "repairs_per_day",
            "average_completion_minutes",
            "revenue",
            "callback_rate_percent",
            "satisfaction",
          ],
          once(
            dashboard().then((d) =>
              d.technicians.map((t) => [
                t.name,
                t.repairs,
                t.repairsPerDay,
                t.averageCompletionMinutes,
                dollars(t.revenueCents),
                t.callbackRatePercent,
                t.satisfaction,
              ]),
            ),
          ),
        );
      case "customers":
        return streamed(
          name,
          [
            "customer",
            "repairs",
            "average_price",
            "revenue",
            "lifetime_value",
            "average_days_to_pay",
            "overdue",
            "satisfaction",
            "previous_satisfaction",
          ],
          once(
            dashboard().then((d) =>
              d.customers.map((c) => [
                c.name,
                c.repairs,
                dollars(c.averagePriceCents),
                dollars(c.revenueCents),
                dollars(c.lifetimeValueCents),
                c.averageDaysToPay,
                dollars(c.overdueCents),
                c.satisfaction,
                c.previousSatisfaction,
              ]),
            ),
          ),
        );
      case "revenue":
        return streamed(
          name,
          ["period_start", "repairs", "revenue"],
          once(dashboard().then((d) => d.revenue.points.map((x) => [x.start, x.repairs, dollars(x.revenueCents)]))),
        );
      case "damage-types":
        return streamed(
          name,
          ["damage_type", "repairs"],
          once(dashboard().then((d) => d.damageTypes.map((d) => [d.damageType, d.repairs]))),
        );
      case "weekday-hour":
        return streamed(
          name,
          ["weekday", "hour", "repairs"],
          once(
            dashboard().then((d) =>
              d.weekdayHour.flatMap((hours, d) => hours.map((count, h) => [WEEKDAYS[d]!, h, count])),
            ),
          ),
        );
      case "geo":
        return streamed(
          name,
          ["latitude", "longitude", "repairs"],
          once(dashboard().then((d) => d.geo.map((c) => [c.latitude, c.longitude, c.repairs]))),
        );
      case "at-risk":
        return streamed(
          `at-risk-units-${today}.csv`,
          [
            "customer",
            "unit",
            "risk",
            "mtbf_days",
            "repairs_on_windshield",
            "next_likely_repair",
            "inspect_by",
            "suggested_action",
          ],
          once(
            listAtRisk(db, ctx, { customerId, limit: 1_000_000 }).then((answer) =>
              answer.units.map((u) => [
                u.customerName,
                u.unitNumber,
                u.score,
                u.mtbfDays,
                u.repairs,
                u.nextLikelyRepairOn,
                u.recommendedInspectionOn,
                u.actions.join(" "),
              ]),
            ),
          ),
        );
      case "repairs":
        return streamed(
          name,
          ["completed_at", "customer", "unit", "technician", "damage_type", "price"],
          repairPages(db, Prisma.sql`${inPeriod(scope, p, tz)}`, tz),
        );
    }
  } catch (error) {
    return refusalResponse(error, "analytics csv");
  }
}

/** The period's completed repairs, a page at a time, by keyset on (completedAt, id). */
async function* repairPages(db: Db, where: Prisma.Sql, timeZone: string): AsyncGenerator<Cells[]> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after
      ? Prisma.sql`AND (r."completedAt", r.id) > (${after.at}::timestamp, ${after.id}::uuid)`
      : Prisma.empty;
    const rows: {
      at: Date;
      local: string;
      id: string;
      customer: string;
      unit: string;
      technician: string | null;
      type: string;
      price: number | null;
    }[] = await db.$queryRaw`
        SELECT r."completedAt" AS at, r.id::text AS id,
          to_char((r."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD HH24:MI') AS local,
          c.name AS customer, un."unitNumber" AS unit, u.name AS technician, r."damageType"::text AS type,
          r."priceCents" AS price
        FROM "Repair" r
        JOIN "Customer" c ON c.id = r."customerId"
        JOIN "Unit" un ON un.id = r."unitId"
        LEFT JOIN "Technician" t ON t.id = r."technicianId"
        LEFT JOIN "User" u ON u.id = t."userId"
        WHERE ${where} ${keyset}
        ORDER BY r."completedAt", r.id
        LIMIT ${PAGE}`;
    if (rows.length === 0) return;
    const last = rows.at(-1)!;
    after = { at: last.at, id: last.id };
    yield rows.map((r) => [r.local, r.customer, r.unit, r.technician ?? "", r.type, dollars(r.price)]);
    if (rows.length < PAGE) return;
  }
}
