// Predictive maintenance and the analytics exports: the ranked units at risk (a customer sees
// only its own fleet), the alert raised once per crossing as a UNIT_AT_RISK event, the rollups
// kept current when a repair completes after a dashboard was drawn, and the streamed CSV whose
// rows are the dashboard's (another customer's: 404; a technician: 404).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { unitRisk } from "~/domain/maintenance-forecast";
import { insertRows } from "~/server/db/insert-rows";
import { businessDate } from "~/server/data/settings/business-day";
import { analyticsCsvResponse } from "~/server/http/analytics-csv";
import { checkRiskAlerts } from "~/server/services/analytics/check-risk-alerts";
import { getDashboard } from "~/server/services/analytics/get-dashboard";
import { listAtRisk } from "~/server/services/analytics/list-at-risk";
import { contextFor, createTechnician } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

const DAY = 86_400_000;

describe("units at risk, alerts, rollups and CSV", () => {
  const world = useWorld();
  let hotUnit: string;
  let calmUnit: string;
  const today = businessDate();
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T18:00:00Z`) - n * DAY);

  async function completed(unitId: string, customerId: string, at: Date, extra: Record<string, unknown> = {}) {
    const row = {
      id: randomUUID(),
      customerId,
      unitId,
      windshieldSeq: 1,
      technicianId: world.tina.technicianId,
      origin: "LOT_WALK",
      status: "COMPLETED",
      damageType: "CHIP",
      priceCents: 4000,
      priceSource: "DEFAULT_TIER",
      createdAt: at.toISOString(),
      startedAt: new Date(at.getTime() - 3_600_000).toISOString(),
      completedAt: at.toISOString(),
      createdById: world.admin.userId,
      updatedAt: new Date().toISOString(),
      ...extra,
    };
    await insertRows(world.db, "Repair", [row]);
    return row.id;
  }

  beforeAll(async () => {
    const { db, acme, globex } = world;
    hotUnit = (await db.unit.create({ data: { customerId: acme.id, unitNumber: "HOT-1" } })).id;
    calmUnit = (await db.unit.create({ data: { customerId: acme.id, unitNumber: "CALM-1" } })).id;
    const other = (await db.unit.create({ data: { customerId: globex.id, unitNumber: "GLX-1" } })).id;
    // HOT-1 breaks every 10 days; CALM-1 twice a year apart; GLX-1 is Globex's.
    for (const [i, n] of [40, 30, 20, 10].entries())
      await completed(hotUnit, acme.id, daysAgo(n), { tierOrdinal: i + 1 });
    await completed(calmUnit, acme.id, daysAgo(400), { tierOrdinal: 1 });
    await completed(calmUnit, acme.id, daysAgo(35), { tierOrdinal: 2 });
    await completed(other, globex.id, daysAgo(12), { tierOrdinal: 1 });
    await completed(other, globex.id, daysAgo(2), { tierOrdinal: 2 });
  });

  it("ranks the units by risk with the domain's formula; a customer sees its own fleet only", async () => {
    const { db, admin, carla, globex } = world;
    const office = await listAtRisk(db, contextFor(admin), {});
    expect(office.units[0]).toMatchObject({ unitNumber: "HOT-1", mtbfDays: 10 });
    const expected = unitRisk({
      repairDates: [40, 30, 20, 10].map((n) => daysAgo(n).toISOString().slice(0, 10)),
      fleetRatePerDay: 0,
      season: office.season,
      today,
    });
    expect(office.units[0]).toMatchObject({
      score: expected.score,
      nextLikelyRepairOn: expected.nextLikelyRepairOn,
      recommendedInspectionOn: expected.recommendedInspectionOn,
    });
    expect(office.units[0]!.actions.join(" ")).toMatch(/Inspect this unit by/);
    const calm = office.units.find((u) => u.unitNumber === "CALM-1")!;
    expect(calm.score).toBeLessThan(office.units[0]!.score);

    const own = await listAtRisk(db, contextFor(carla), {});
    expect(own.units.map((u) => u.unitNumber).sort()).toEqual(["CALM-1", "HOT-1"]);
    await expect(listAtRisk(db, contextFor(carla), { customerId: globex.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a manager sees their team's customers' units only; a manager of another team does not see them", async () => {
    const { db, maya, theo } = world;
    const initech = await db.customer.create({ data: { name: "Initech" } });
    const unit = (await db.unit.create({ data: { customerId: initech.id, unitNumber: "INI-1" } })).id;
    await completed(unit, initech.id, daysAgo(20), { tierOrdinal: 1, technicianId: theo.technicianId });
    await completed(unit, initech.id, daysAgo(5), { tierOrdinal: 2, technicianId: theo.technicianId });
    await checkRiskAlerts(db);
    const mona = await createTechnician(db, "Mona", { isManager: true, manages: [theo.technicianId] });
    const theirs = await listAtRisk(db, contextFor(mona), {});
    expect(theirs.units.map((u) => u.unitNumber)).toEqual(["INI-1"]);
    expect(theirs.customers.map((c) => c.customerName)).toEqual(["Initech"]);
    const mayas = await listAtRisk(db, contextFor(maya), {});
    expect(mayas.units.map((u) => u.unitNumber)).toContain("HOT-1");
    expect(mayas.units.map((u) => u.unitNumber)).not.toContain("INI-1");
    expect(mayas.customers.map((c) => c.customerId)).not.toContain(initech.id);
  });

  it("raises one UNIT_AT_RISK event per crossing, and again after the risk fell and rose", async () => {
    const { db } = world;
    const events = () => db.domainEvent.findMany({ where: { type: "UNIT_AT_RISK" }, orderBy: { seq: "asc" } });
    // The first list computed the risks and raised the alerts already; a check raises none twice.
    await checkRiskAlerts(db);
    const raised = await events();
    expect(raised.map((e) => (e.payload as { unitNumber: string }).unitNumber)).toContain("HOT-1");
    expect(raised.find((e) => (e.payload as { unitId: string }).unitId === hotUnit)?.customerId).toBe(world.acme.id);
    expect(raised.some((e) => (e.payload as { unitId: string }).unitId === calmUnit)).toBe(false);

    const again = await checkRiskAlerts(db);
    expect(again.raised).toBe(0);
    expect(await events()).toHaveLength(raised.length);

    // A new windshield: the history starts again, the alert is cleared; crossing again alerts again.
    await db.unit.update({ where: { id: hotUnit }, data: { windshieldSeq: 2 } });
    expect((await checkRiskAlerts(db)).cleared).toBeGreaterThanOrEqual(1);
    await db.unit.update({ where: { id: hotUnit }, data: { windshieldSeq: 1 } });
    expect((await checkRiskAlerts(db)).raised).toBeGreaterThanOrEqual(1);
    expect((await events()).length).toBeGreaterThan(raised.length);
  });

  it("a repair completed after a dashboard was drawn shows in the next one (rollups refreshed)", async () => {
    const { db, admin, acme } = world;
    const period = { kind: "custom" as const, from: daysAgo(60).toISOString().slice(0, 10), to: today };
    const before = await getDashboard(db, contextFor(admin), { period });
    await completed(calmUnit, acme.id, daysAgo(1), { tierOrdinal: 3, priceCents: 3500 });
    const after = await getDashboard(db, contextFor(admin), { period });
    expect(after.kpis.repairs).toBe(before.kpis.repairs + 1);
    expect(after.kpis.revenueCents).toBe(before.kpis.revenueCents + 3500);
    // CALM-1's repair of 35 days ago is now a callback (another within 90 days).
    const tina = after.technicians.find((t) => t.technicianId === world.tina.technicianId)!;
    const tinaBefore = before.technicians.find((t) => t.technicianId === world.tina.technicianId)!;
    expect(tina.callbackRatePercent!).toBeGreaterThan(0);
    expect(tina.repairs).toBe(tinaBefore.repairs + 1);
  });

  it("streams each table as CSV with the dashboard's rows; another customer's or a technician's is 404", async () => {
    const { db, admin, carla, globex, tina } = world;
    const search = new URLSearchParams({ kind: "custom", from: daysAgo(60).toISOString().slice(0, 10), to: today });
    const dashboard = await getDashboard(db, contextFor(admin), {
      period: { kind: "custom", from: search.get("from")!, to: today },
    });
    const technicians = await analyticsCsvResponse(db, admin.actor, "technicians", search);
    expect(technicians.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await technicians.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "technician,repairs,repairs_per_day,average_completion_minutes,revenue,callback_rate_percent,satisfaction",
    );
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(
      dashboard.technicians.map((t) => `${t.name},${t.repairs}`),
    );

    const repairs = await analyticsCsvResponse(db, admin.actor, "repairs", search);
    const rows = (await repairs.text()).trim().split("\r\n");
    expect(rows).toHaveLength(dashboard.kpis.repairs + 1);

    const mine = await analyticsCsvResponse(db, carla.actor, "customers", search);
    const mineRows = (await mine.text()).trim().split("\r\n");
    expect(mineRows.slice(1).map((l) => l.split(",")[0])).toEqual(["Acme Rentals"]);
    expect((await analyticsCsvResponse(db, carla.actor, "technicians", search)).status).toBe(404);
    const theirs = new URLSearchParams(search);
    theirs.set("customer", globex.id);
    expect((await analyticsCsvResponse(db, carla.actor, "customers", theirs)).status).toBe(404);
    expect((await analyticsCsvResponse(db, tina.actor, "customers", search)).status).toBe(404);
    expect((await analyticsCsvResponse(db, null, "customers", search)).status).toBe(401);
    const refused = new URLSearchParams({ kind: "custom", from: "2026-02-01", to: "2026-01-01" });
    const bad = await analyticsCsvResponse(db, admin.actor, "revenue", refused);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "INVALID_PERIOD" });

    const atRisk = await analyticsCsvResponse(db, carla.actor, "at-risk", new URLSearchParams());
    const riskRows = (await atRisk.text()).trim().split("\r\n");
    expect(
      riskRows
        .slice(1)
        .map((l) => l.split(",")[1])
        .sort(),
    ).toEqual(["CALM-1", "HOT-1"]);
  });
});
