// Every dashboard number, as the database's aggregates answer it, against the definitions in
// src/domain/analytics.ts run over the same rows read with a plain SELECT. Scopes: the business,
// a manager's team, a customer's own fleet (another customer's: 404); a bad period is refused.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AnalyticsRepair,
  type InvoiceFacts,
  type SurveyAnswer,
  averageCompletionMinutes,
  averageDaysToPay,
  averageResponseMinutes,
  averageStars,
  callbackIds,
  customerFigures,
  damageTypeDistribution,
  geoCells,
  invoiceAccuracyPercent,
  overdueCents,
  profit,
  resolvePeriod,
  revenueSeries,
  technicianFigures,
  utilizationPercent,
  weekdayHourHeat,
} from "~/domain/analytics";
import { config } from "~/server/config";
import { insertRows } from "~/server/db/insert-rows";
import { getDashboard } from "~/server/services/analytics/get-dashboard";
import { updateCostSettings } from "~/server/services/analytics/cost-settings";
import { contextFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

function mulberry32(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ["CHIP", "CRACK", "STAR_BREAK", "BULLS_EYE"] as const;
const ORIGINS = ["LOT_WALK", "CUSTOMER_REQUEST", "STAFF"] as const;
const PERIOD = { kind: "custom", from: "2026-10-01", to: "2026-11-30" } as const;

describe("analytics dashboard", () => {
  const world = useWorld();
  let today: string;

  beforeAll(async () => {
    const { db, acme, globex, tina, theo, maya, admin } = world;
    const random = mulberry32(15);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const units: { id: string; customerId: string }[] = [];
    for (const customer of [acme, globex])
      for (let i = 0; i < 6; i++)
        units.push({
          id: (await db.unit.create({ data: { customerId: customer.id, unitNumber: `AN-${i}` } })).id,
          customerId: customer.id,
        });
    const ordinals = new Map<string, number>();
    const rows: Record<string, unknown>[] = [];
    // Three months and a half around the period (callbacks look 90 days ahead, the previous period
    // is August–September), times all through the day so days cross the UTC midnight.
    for (let i = 0; i < 240; i++) {
      const unit = pick(units);
      const completedAt = new Date(Date.UTC(2026, 6, 25) + Math.floor(random() * 140 * 86_400_000));
      const ordinal = (ordinals.get(unit.id) ?? 0) + 1;
      ordinals.set(unit.id, ordinal);
      const started = random() < 0.8;
      const startedAt = new Date(completedAt.getTime() - Math.floor(20 + random() * 150) * 60_000);
      const gps = random() < 0.7;
      rows.push({
        id: randomUUID(),
        customerId: unit.customerId,
        unitId: unit.id,
        windshieldSeq: 1,
        technicianId: random() < 0.1 ? null : pick([tina, theo, maya]).technicianId,
        origin: pick(ORIGINS),
        status: pick(["COMPLETED", "INVOICED", "CLOSED"]),
        damageType: pick(TYPES),
        priceCents: pick([5000, 4000, 3500, 3000, 2500]),
        tierOrdinal: ordinal,
        priceSource: "DEFAULT_TIER",
        jobId: random() < 0.2 ? "00000000-0000-4000-8000-000000000001" : null,
        latitude: gps ? 39.7 + random() * 0.1 : null,
        longitude: gps ? -105 + random() * 0.1 : null,
        createdAt: new Date(startedAt.getTime() - Math.floor(random() * 120) * 60_000).toISOString(),
        startedAt: started ? startedAt.toISOString() : null,
        completedAt: completedAt.toISOString(),
        createdById: admin.userId,
        updatedAt: completedAt.toISOString(),
      });
    }
    // Two follow-ups made of earlier repairs (completed later on another unit's record).
    rows[rows.length - 1]!.followUpOfId = rows[3]!.id;
    rows[rows.length - 2]!.followUpOfId = rows[7]!.id;
    await insertRows(db, "Repair", rows);
    // Invoices: paid in 10 and 20 days, one overdue in part, one credited.
    let numbered = 0;
    const invoice = async (over: Record<string, unknown>, paidOn?: string) => {
      numbered += 1;
      const created = await db.invoice.create({
        data: {
          customerId: acme.id,
          status: "ISSUED",
          periodStart: new Date("2026-10-01"),
          periodEnd: new Date("2026-10-31"),
          paymentTerms: "NET_30",
          issuedOn: new Date("2026-11-02"),
          dueOn: new Date("2026-12-02"),
          subtotalCents: 10_000,
          totalCents: 10_000,
          number: `RS-2026-${String(numbered).padStart(6, "0")}`,
          ...over,
        },
      });
      if (paidOn)
        await db.payment.create({
          data: { invoiceId: created.id, amountCents: 10_000, receivedOn: new Date(paidOn), method: "CHECK" },
        });
      return created;
    };
    await invoice({ status: "PAID", paidCents: 10_000 }, "2026-11-12");
    await invoice({ status: "PAID", paidCents: 10_000, issuedOn: new Date("2026-10-10") }, "2026-10-30");
    await invoice({ paidCents: 2_500 });
    const voided = await invoice({ status: "VOID", customerId: globex.id });
    await invoice({ kind: "CREDIT_NOTE", customerId: globex.id, creditsInvoiceId: voided.id, totalCents: -10_000 });
    await updateCostSettings(db, contextFor(admin), {
      materialsCostCentsPerRepair: 450,
      technicianHourlyCostCents: 3200,
    });
    today = resolvePeriod({ kind: "day" }, new Date().toISOString().slice(0, 10)).current.from;
  });

  async function plainRows(where = "TRUE"): Promise<AnalyticsRepair[]> {
    const rows = await world.db.$queryRawUnsafe<AnalyticsRepair[]>(
      `SELECT id::text, "technicianId"::text, "customerId"::text, "unitId"::text, "windshieldSeq", "jobId"::text,
         "followUpOfId"::text, origin::text, "damageType"::text, "priceCents", "createdAt", "startedAt",
         "completedAt", latitude, longitude
       FROM "Repair" WHERE "completedAt" IS NOT NULL AND ${where}`,
    );
    return rows;
  }

  async function plainInvoices(): Promise<InvoiceFacts[]> {
    const rows = await world.db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT i."customerId"::text, i.kind::text, i.status::text, to_char(i."issuedOn", 'YYYY-MM-DD') AS "issuedOn",
         to_char(i."dueOn", 'YYYY-MM-DD') AS "dueOn", i."totalCents", i."paidCents",
         (SELECT to_char(max(p."receivedOn"), 'YYYY-MM-DD') FROM "Payment" p WHERE p."invoiceId" = i.id) AS "lastPaid",
         EXISTS (SELECT 1 FROM "Invoice" c WHERE c."creditsInvoiceId" = i.id) AS credited
       FROM "Invoice" i`,
    );
    return rows.map((r) => ({
      customerId: String(r.customerId),
      kind: r.kind as InvoiceFacts["kind"],
      status: String(r.status),
      issuedOn: (r.issuedOn as string | null) ?? null,
      dueOn: (r.dueOn as string | null) ?? null,
      totalCents: Number(r.totalCents),
      paidCents: Number(r.paidCents),
      paidInFullOn: r.status === "PAID" ? (r.lastPaid as string) : null,
      credited: Boolean(r.credited),
    }));
  }

  function within(rows: readonly AnalyticsRepair[], from: string, to: string) {
    const tz = config().BUSINESS_TIME_ZONE;
    const local = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(d);
    return rows.filter((r) => local(r.completedAt) >= from && local(r.completedAt) <= to);
  }

  it("the business: every figure as the domain computes it from the plain rows", async () => {
    const { db, admin } = world;
    const tz = config().BUSINESS_TIME_ZONE;
    const dashboard = await getDashboard(db, contextFor(admin), { period: PERIOD });
    const all = await plainRows();
    const { current, previous } = dashboard.period;
    const rows = within(all, current.from, current.to);
    const before = within(all, previous.from, previous.to);
    expect(rows.length).toBeGreaterThan(80);
    expect(dashboard.kpis.repairs).toBe(rows.length);
    expect(dashboard.previousKpis.repairs).toBe(before.length);
    expect(dashboard.kpis.revenueCents).toBe(rows.reduce((s, r) => s + r.priceCents, 0));
    expect(dashboard.kpis.completionMinutes).toBe(averageCompletionMinutes(rows));
    expect(dashboard.kpis.responseMinutes).toBe(averageResponseMinutes(rows));
    expect(dashboard.kpis.utilizationPercent).toBe(utilizationPercent(rows, current));
    expect(dashboard.previousKpis.utilizationPercent).toBe(utilizationPercent(before, previous));
    expect(dashboard.kpis.satisfaction).toBeNull();

    const invoices = await plainInvoices();
    expect(dashboard.kpis.invoiceAccuracyPercent).toBe(invoiceAccuracyPercent(invoices, current));
    expect(dashboard.kpis.invoiceAccuracyPercent).toBe(75);

    const callbacks = callbackIds(rows, all);
    expect(callbacks.size).toBeGreaterThan(0);
    const names = new Map(
      (await db.technician.findMany({ include: { user: true } })).map((t) => [t.id, t.user.name] as const),
    );
    expect(dashboard.technicians).toEqual(
      technicianFigures(rows, current, callbacks).map((t) => ({
        ...t,
        name: names.get(t.technicianId),
        satisfaction: null,
      })),
    );

    const expectedCustomers = customerFigures(rows);
    expect(
      dashboard.customers.map(({ customerId, repairs, averagePriceCents, revenueCents }) => ({
        customerId,
        repairs,
        averagePriceCents,
        revenueCents,
      })),
    ).toEqual(expectedCustomers);
    for (const c of dashboard.customers) {
      const own = invoices.filter((i) => i.customerId === c.customerId);
      expect(c.lifetimeValueCents).toBe(
        all.filter((r) => r.customerId === c.customerId).reduce((s, r) => s + r.priceCents, 0),
      );
      expect(c.averageDaysToPay).toBe(averageDaysToPay(own, current));
      expect(c.overdueCents).toBe(overdueCents(own, today));
    }
    expect(dashboard.customers.find((c) => c.customerId === world.acme.id)).toMatchObject({
      averageDaysToPay: 15,
      overdueCents: today > "2026-12-02" ? 7_500 : 0,
    });

    expect(dashboard.revenue.points).toEqual(revenueSeries(rows, current, tz));
    expect(dashboard.revenue.bucket).toBe("day");
    expect(dashboard.damageTypes).toEqual(damageTypeDistribution(rows));
    expect(dashboard.weekdayHour).toEqual(weekdayHourHeat(rows, tz));
    expect(dashboard.geo).toEqual(geoCells(rows));
    expect(dashboard.profit).toEqual(
      profit(rows, { materialsCostCentsPerRepair: 450, technicianHourlyCostCents: 3200 }),
    );
  });

  it("a quarter groups revenue by week; a manager sees their team's completions only", async () => {
    const { db, admin, maya, tina } = world;
    const tz = config().BUSINESS_TIME_ZONE;
    const quarter = await getDashboard(db, contextFor(admin), { period: { kind: "quarter", anchor: "2026-10-15" } });
    const rows = within(await plainRows(), "2026-10-01", "2026-12-31");
    expect(quarter.revenue.bucket).toBe("week");
    expect(quarter.revenue.points).toEqual(revenueSeries(rows, quarter.period.current, tz));

    const team = await getDashboard(db, contextFor(maya), { period: PERIOD });
    const teamRows = within(
      await plainRows(`"technicianId" IN ('${maya.technicianId}', '${tina.technicianId}')`),
      PERIOD.from,
      PERIOD.to,
    );
    expect(team.scope).toBe("team");
    expect(team.kpis.repairs).toBe(teamRows.length);
    expect(team.technicians.map((t) => t.technicianId).sort()).toEqual([maya.technicianId, tina.technicianId].sort());
    expect(team.damageTypes).toEqual(damageTypeDistribution(teamRows));
    expect(team.profit).toBeNull();
    expect(team.kpis.invoiceAccuracyPercent).toBeNull();
  });

  it("a period with partial months (month rows + edge days) answers as the plain rows, for the business and a team", async () => {
    const { db, admin, maya, tina } = world;
    const tz = config().BUSINESS_TIME_ZONE;
    const period = { kind: "custom", from: "2026-08-19", to: "2026-11-07" } as const;
    const all = await plainRows();
    const team = [maya.technicianId, tina.technicianId];
    for (const [ctx, rows] of [
      [contextFor(admin), within(all, period.from, period.to)],
      [
        contextFor(maya),
        within(
          all.filter((r) => team.includes(r.technicianId ?? "")),
          period.from,
          period.to,
        ),
      ],
    ] as const) {
      const dashboard = await getDashboard(db, ctx, { period });
      const { current, previous } = dashboard.period;
      expect(rows.length).toBeGreaterThan(30);
      expect(dashboard.kpis.repairs).toBe(rows.length);
      expect(dashboard.kpis.revenueCents).toBe(rows.reduce((s, r) => s + r.priceCents, 0));
      expect(dashboard.kpis.completionMinutes).toBe(averageCompletionMinutes(rows));
      expect(dashboard.kpis.utilizationPercent).toBe(utilizationPercent(rows, current));
      const before = within(
        all.filter((r) => dashboard.scope === "business" || team.includes(r.technicianId ?? "")),
        previous.from,
        previous.to,
      );
      expect(dashboard.previousKpis.repairs).toBe(before.length);
      const callbacks = callbackIds(rows, all);
      expect(dashboard.technicians.map(({ name: _, ...t }) => t)).toEqual(
        technicianFigures(rows, current, callbacks).map((t) => ({ ...t, satisfaction: null })),
      );
      expect(
        dashboard.customers.map(({ customerId, repairs, averagePriceCents, revenueCents }) => ({
          customerId,
          repairs,
          averagePriceCents,
          revenueCents,
        })),
      ).toEqual(customerFigures(rows));
      for (const c of dashboard.customers)
        expect(c.lifetimeValueCents).toBe(
          all.filter((r) => r.customerId === c.customerId).reduce((s, r) => s + r.priceCents, 0),
        );
      expect(dashboard.revenue.points).toEqual(revenueSeries(rows, current, tz));
      expect(dashboard.damageTypes).toEqual(damageTypeDistribution(rows));
      expect(dashboard.weekdayHour).toEqual(weekdayHourHeat(rows, tz));
      expect(dashboard.geo).toEqual(geoCells(rows));
    }
  });

  it("a repair completed after the rollups were built counts in its day and its month, and makes an earlier one a callback", async () => {
    const { db, admin, acme, tina } = world;
    const unit = await db.unit.create({ data: { customerId: acme.id, unitNumber: "AN-LATE" } });
    const repair = (completedAt: Date, ordinal: number, updatedMinutesAgo: number) => ({
      id: randomUUID(),
      customerId: acme.id,
      unitId: unit.id,
      windshieldSeq: 1,
      technicianId: tina.technicianId,
      origin: "STAFF",
      status: "COMPLETED",
      damageType: "CHIP",
      priceCents: 1234,
      tierOrdinal: ordinal,
      priceSource: "DEFAULT_TIER",
      createdAt: new Date(completedAt.getTime() - 3_600_000).toISOString(),
      startedAt: new Date(completedAt.getTime() - 1_800_000).toISOString(),
      completedAt: completedAt.toISOString(),
      createdById: admin.userId,
      // Older than the settling window, as a sync's repairs are when the refresh runs.
      updatedAt: new Date(Date.now() - updatedMinutesAgo * 60_000).toISOString(),
    });
    // A sync the rollups have not seen yet: the watermark just before it.
    const sync = async (row: Record<string, unknown>) => {
      await insertRows(db, "Repair", [row]);
      const watermark = new Date(Date.parse(String(row.updatedAt)) - 60_000);
      await db.$executeRaw`UPDATE "AnalyticsRollupState" SET watermark = ${watermark}`;
    };
    const september = { kind: "month", anchor: "2026-09-10" } as const;
    const first = repair(new Date("2026-09-10T18:00:00Z"), 1, 60);
    await sync(first);
    const tinaIn = async (period: typeof september) =>
      (await getDashboard(db, contextFor(admin), { period })).technicians.find(
        (t) => t.technicianId === tina.technicianId,
      )!;
    const septemberBefore = await tinaIn(september);
    const period = { kind: "custom", from: "2026-10-01", to: "2026-10-31" } as const;
    const before = await getDashboard(db, contextFor(admin), { period });
    const day = await getDashboard(db, contextFor(admin), { period: { kind: "day", anchor: "2026-10-14" } });
    await sync(repair(new Date("2026-10-14T18:00:00Z"), 2, 10));
    const after = await getDashboard(db, contextFor(admin), { period });
    expect(after.kpis.repairs).toBe(before.kpis.repairs + 1);
    expect(after.kpis.revenueCents).toBe(before.kpis.revenueCents + 1234);
    const dayAfter = await getDashboard(db, contextFor(admin), { period: { kind: "day", anchor: "2026-10-14" } });
    expect(dayAfter.kpis.repairs).toBe(day.kpis.repairs + 1);
    expect(after.customers.find((c) => c.customerId === acme.id)!.lifetimeValueCents).toBe(
      before.customers.find((c) => c.customerId === acme.id)!.lifetimeValueCents + 1234,
    );
    // The September repair on that windshield became a callback, on its own day and month.
    const all = await plainRows();
    const rows = within(all, "2026-09-01", "2026-09-30");
    const callbacks = callbackIds(rows, all);
    expect(callbacks.has(first.id)).toBe(true);
    const septemberAfter = await tinaIn(september);
    expect(septemberAfter.callbackRatePercent).toBeGreaterThan(septemberBefore.callbackRatePercent ?? 0);
    const wide = await getDashboard(db, contextFor(admin), {
      period: { kind: "custom", from: "2026-08-20", to: "2026-10-20" },
    });
    const wideRows = within(all, wide.period.current.from, wide.period.current.to);
    expect(wide.technicians.map(({ name: _, ...t }) => t)).toEqual(
      technicianFigures(wideRows, wide.period.current, callbackIds(wideRows, all)).map((t) => ({
        ...t,
        satisfaction: null,
      })),
    );
  });

  it("a customer sees their own fleet; another customer's is not found; an admin may look at one customer", async () => {
    const { db, carla, admin, acme, globex } = world;
    const own = await getDashboard(db, contextFor(carla), { period: PERIOD });
    const acmeRows = within(await plainRows(`"customerId" = '${acme.id}'`), PERIOD.from, PERIOD.to);
    expect(own.scope).toBe("customer");
    expect(own.kpis.repairs).toBe(acmeRows.length);
    expect(own.technicians).toEqual([]);
    expect(own.customers.map((c) => c.customerId)).toEqual([acme.id]);
    expect(own.profit).toBeNull();
    await expect(getDashboard(db, contextFor(carla), { period: PERIOD, customerId: globex.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const picked = await getDashboard(db, contextFor(admin), { period: PERIOD, customerId: acme.id });
    expect(picked.kpis).toEqual(own.kpis);
  });

  it("satisfaction: survey stars answered in the period, overall (KPI), per technician and per customer with its trend", async () => {
    const { db, admin, maya, carla, acme, globex, tina, theo } = world;
    const answers: SurveyAnswer[] = [
      { stars: 5, technicianId: tina.technicianId, customerId: acme.id, answeredAt: new Date("2026-10-05T17:00:00Z") },
      { stars: 4, technicianId: tina.technicianId, customerId: acme.id, answeredAt: new Date("2026-11-20T17:00:00Z") },
      {
        stars: 3,
        technicianId: theo.technicianId,
        customerId: globex.id,
        answeredAt: new Date("2026-10-09T17:00:00Z"),
      },
      { stars: 2, technicianId: null, customerId: globex.id, answeredAt: new Date("2026-11-02T17:00:00Z") },
      // The period before (August–September), and one outside both.
      { stars: 3, technicianId: tina.technicianId, customerId: acme.id, answeredAt: new Date("2026-09-12T17:00:00Z") },
      {
        stars: 1,
        technicianId: theo.technicianId,
        customerId: globex.id,
        answeredAt: new Date("2026-03-01T17:00:00Z"),
      },
    ];
    for (const a of answers)
      await db.survey.create({
        data: { ...a, eventId: randomUUID(), email: "someone@example.test", sentAt: a.answeredAt },
      });
    // Sent but never answered: not counted.
    await db.survey.create({
      data: { eventId: randomUUID(), customerId: acme.id, technicianId: tina.technicianId, email: "x@example.test" },
    });
    const inPeriod = (from: string, to: string) =>
      answers.filter((a) => {
        const day = new Intl.DateTimeFormat("en-CA", { timeZone: config().BUSINESS_TIME_ZONE }).format(a.answeredAt);
        return day >= from && day <= to;
      });
    const business = await getDashboard(db, contextFor(admin), { period: PERIOD });
    const { current, previous } = business.period;
    const now = inPeriod(current.from, current.to);
    expect(business.kpis.satisfaction).toBe(averageStars(now));
    expect(business.kpis.satisfaction).toBe(3.5);
    expect(business.previousKpis.satisfaction).toBe(averageStars(inPeriod(previous.from, previous.to)));
    for (const t of business.technicians)
      expect(t.satisfaction).toBe(averageStars(now.filter((a) => a.technicianId === t.technicianId)));
    expect(business.technicians.find((t) => t.technicianId === tina.technicianId)!.satisfaction).toBe(4.5);
    const acmeRow = business.customers.find((c) => c.customerId === acme.id)!;
    expect(acmeRow).toMatchObject({ satisfaction: 4.5, previousSatisfaction: 3 });
    expect(business.customers.find((c) => c.customerId === globex.id)).toMatchObject({
      satisfaction: 2.5,
      previousSatisfaction: null,
    });
    // A team counts its technicians' ratings; a customer its own.
    const team = await getDashboard(db, contextFor(maya), { period: PERIOD });
    expect(team.kpis.satisfaction).toBe(averageStars(now.filter((a) => a.technicianId === tina.technicianId)));
    const own = await getDashboard(db, contextFor(carla), { period: PERIOD });
    expect(own.kpis.satisfaction).toBe(averageStars(now.filter((a) => a.customerId === acme.id)));
    // No answers: "no data".
    const none = await getDashboard(db, contextFor(admin), { period: { kind: "month", anchor: "2019-02-10" } });
    expect(none.kpis.satisfaction).toBeNull();
  });

  it("an empty period answers zeros and empty lists; 20 years or an end before the start are refused", async () => {
    const { db, admin } = world;
    const empty = await getDashboard(db, contextFor(admin), { period: { kind: "month", anchor: "2019-02-10" } });
    expect(empty.kpis).toMatchObject({
      repairs: 0,
      revenueCents: 0,
      completionMinutes: null,
      utilizationPercent: null,
    });
    expect(empty.technicians).toEqual([]);
    expect(empty.revenue.points).toHaveLength(28);
    expect(empty.geo).toEqual([]);
    await expect(
      getDashboard(db, contextFor(admin), { period: { kind: "custom", from: "2006-01-01", to: "2026-01-01" } }),
    ).rejects.toMatchObject({ code: "INVALID_PERIOD" });
    await expect(
      getDashboard(db, contextFor(admin), { period: { kind: "custom", from: "2026-02-01", to: "2026-01-01" } }),
    ).rejects.toMatchObject({ code: "INVALID_PERIOD" });
  });
});
