// The admin's audit reports: the period report of price overrides, approvals and settings changes
// (counts and entries), and the audit trail as streamed CSV with the screen's filters, its rows
// the same entries in the same order as the audit list, across pages; anyone else: 404.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { insertRows } from "~/server/db/insert-rows";
import { businessDate } from "~/server/data/settings/business-day";
import { auditCsvResponse } from "~/server/http/audit-csv";
import { auditPeriodReport } from "~/server/services/audit/audit-period-report";
import { listAuditLog } from "~/server/services/audit/list-audit-log";
import { contextFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

describe("audit reports", () => {
  const world = useWorld();
  const today = businessDate();

  beforeAll(async () => {
    const { db, admin, maya } = world;
    const entry = (action: string, actorId: string, createdAt = new Date()) => ({
      id: randomUUID(),
      actorId,
      action,
      entityType: action.startsWith("repair") || action === "approve" ? "Repair" : "Settings",
      entityId: randomUUID(),
      changes: JSON.stringify({ priceCents: { before: 5000, after: 4000 } }),
      createdAt: createdAt.toISOString(),
    });
    await insertRows(db, "AuditLog", [
      entry("repair.overridePrice", maya.userId),
      entry("repair.overridePrice", admin.userId),
      entry("repair.approve", maya.userId),
      entry("approve", admin.userId),
      entry("businessSettings.update", admin.userId),
      entry("unit.create", admin.userId),
      // Last year: outside today's report.
      entry("analytics.updateCosts", admin.userId, new Date(Date.now() - 400 * 86_400_000)),
    ]);
    // More than one page of the CSV, all written at one instant (a sync batch): seq orders them.
    const batch = new Date();
    await insertRows(
      db,
      "AuditLog",
      Array.from({ length: 1205 }, (_, i) => ({ ...entry("bulk.test", admin.userId, batch), entityId: `b-${i}` })),
    );
  });

  it("counts and lists the period's price overrides, approvals and settings changes", async () => {
    const { db, admin, maya } = world;
    const report = await auditPeriodReport(db, contextFor(admin), { period: { kind: "day" } });
    expect(report.from).toBe(today);
    expect(report.parts.priceOverrides.count).toBe(2);
    expect(report.parts.approvals.count).toBe(2);
    expect(report.parts.settingsChanges.count).toBe(1);
    expect(report.parts.settingsChanges.entries[0]).toMatchObject({
      action: "businessSettings.update",
      actorName: "Ada",
    });
    const year = await auditPeriodReport(db, contextFor(admin), {
      period: { kind: "custom", from: `${Number(today.slice(0, 4)) - 2}-01-01`, to: today },
      limit: 1,
    });
    expect(year.parts.settingsChanges.count).toBe(2);
    expect(year.parts.settingsChanges.entries).toHaveLength(1);
    await expect(auditPeriodReport(db, contextFor(maya), { period: { kind: "day" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("streams the filtered trail as CSV: the audit list's entries in its order, across pages", async () => {
    const { db, admin, maya, carla } = world;
    const csv = async (query: string, who = admin) => {
      const response = await auditCsvResponse(db, who.actor, new URLSearchParams(query));
      return { response, lines: (await response.text()).trim().split("\r\n") };
    };
    const overrides = await csv(`action=repair.overridePrice&from=${today}&to=${today}`);
    expect(overrides.response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(overrides.lines[0]).toBe("at,actor,actor_email,action,entity_type,entity_id,changes,ip");
    const listed = await listAuditLog(db, contextFor(admin), { action: "repair.overridePrice" });
    expect(overrides.lines.slice(1).map((l) => l.split(",")[5])).toEqual(listed.items.map((e) => e.entityId));
    const byMaya = await csv(`actorId=${maya.userId}&action=repair.`);
    expect(byMaya.lines).toHaveLength(3);
    const bulk = await csv("action=bulk.test");
    expect(bulk.lines).toHaveLength(1206);
    const ids = bulk.lines.slice(1).map((l) => l.split(",")[5]);
    expect(new Set(ids).size).toBe(1205);
    expect(ids[0]).toBe("b-1204");
    expect(ids.at(-1)).toBe("b-0");
    const lastYear = await csv(`to=${Number(today.slice(0, 4)) - 1}-12-31&action=analytics.`);
    expect(lastYear.lines).toHaveLength(2);
    for (const who of [maya, carla]) expect((await csv("", who)).response.status).toBe(404);
    expect((await csv("from=yesterday")).response.status).toBe(400);
  });
});
