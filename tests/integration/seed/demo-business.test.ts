// The demo business `npm start` creates on an empty embedded database: what the README's logins
// and the e2e specs rely on, and history priced the way the services would have priced it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/server/auth/passwords";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoBusiness } from "~/server/seed/demo-business";
import { type TestDatabase, startTestDatabase } from "../../support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoBusiness(database.db);
}, 180_000);
afterAll(() => database?.stop());

describe("the demo business", () => {
  it("has every printed login, active, with the printed password and role", async () => {
    const roles = { admin: "ADMIN", manager: "TECHNICIAN", technician: "TECHNICIAN", customer: "CUSTOMER" } as const;
    for (const login of DEMO_LOGINS) {
      const user = await database.db.user.findUniqueOrThrow({
        where: { email: login.email },
        include: { technician: true },
      });
      expect(user.role, login.email).toBe(roles[login.role]);
      expect(user.isActive, login.email).toBe(true);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash), login.email).toBe(true);
      if (login.role === "manager") expect(user.technician?.isManager).toBe(true);
    }
  });

  it("bills its INVOICED repairs: issued invoices, each repair on one, numbers from 1, a partial payment", async () => {
    const { db } = database;
    const invoiced = await db.repair.findMany({ where: { status: "INVOICED" }, select: { id: true } });
    const lines = await db.invoiceLine.findMany({ where: { kind: "REPAIR", live: true }, select: { repairId: true } });
    expect(lines.map((l) => l.repairId).sort()).toEqual(invoiced.map((r) => r.id).sort());
    const invoices = await db.invoice.findMany({ orderBy: { number: "asc" } });
    expect(invoices.length).toBeGreaterThan(0);
    expect(invoices.map((i) => Number(i.number!.slice(-6)))).toEqual(invoices.map((_, i) => i + 1));
    expect(await db.payment.count()).toBe(1);
  });

  it("schedules today's walk at each lot-walking customer for a technician of the manager's team", async () => {
    const walks = await database.db.lotWalk.findMany({
      where: { status: "SCHEDULED" },
      include: { customer: true, technician: { include: { user: true } } },
    });
    expect(walks.map((w) => [w.customer.name, w.origin, w.technician?.user.email]).sort()).toEqual([
      ["Interstate Freight Lines", "SCHEDULE", "tech2@demo.test"],
      ["Summit Car Rentals", "SCHEDULE", "tech@demo.test"],
      // A one-off walk: Jordan's day has two walks at two sites.
      ["Valley Auto Dealers", "ONE_OFF", "tech2@demo.test"],
    ]);
  });

  it("gives each customer one or two Denver-area sites, exactly one primary, today's walks their primary site, and each technician a base", async () => {
    const customers = await database.db.customer.findMany({ include: { sites: true, walks: true } });
    for (const c of customers) {
      expect(c.sites.length, c.name).toBeGreaterThanOrEqual(1);
      expect(c.sites.length, c.name).toBeLessThanOrEqual(2);
      expect(
        c.sites.filter((s) => s.isPrimary),
        c.name,
      ).toHaveLength(1);
      for (const s of c.sites) {
        expect(Math.abs(s.latitude - 39.74)).toBeLessThan(0.5);
        expect(Math.abs(s.longitude + 104.99)).toBeLessThan(0.5);
      }
      for (const w of c.walks.filter((w) => w.status === "SCHEDULED")) {
        expect(w.siteId).toBe(c.sites.find((s) => s.isPrimary)?.id);
        if (w.origin === "SCHEDULE") expect(w.scheduleKey).toMatch(new RegExp(`^${c.id}:\\d{4}-\\d{2}-\\d{2}$`));
      }
    }
    expect(await database.db.technician.count({ where: { baseLatitude: null } })).toBe(0);
  });

  it("numbers each windshield's completed repairs 1, 2, 3… in the order they were done", async () => {
    const done = await database.db.repair.findMany({
      where: { completedAt: { not: null } },
      orderBy: [{ unitId: "asc" }, { completedAt: "asc" }],
      select: { unitId: true, windshieldSeq: true, tierOrdinal: true, priceCents: true, estimateCents: true },
    });
    expect(done.length).toBeGreaterThan(10);
    const seen = new Map<string, number>();
    for (const repair of done) {
      const key = `${repair.unitId}:${repair.windshieldSeq}`;
      const ordinal = (seen.get(key) ?? 0) + 1;
      seen.set(key, ordinal);
      expect(repair.tierOrdinal).toBe(ordinal);
      expect(repair.priceCents).toBe(repair.estimateCents);
    }
  });

  it("leaves open work on every screen: approvals waiting, customer requests unassigned", async () => {
    const pending = await database.db.repair.count({ where: { status: "PENDING_APPROVAL" } });
    const requested = await database.db.repair.findMany({
      where: { status: "REQUESTED" },
      include: { customer: { include: { users: true } } },
    });
    expect(pending).toBeGreaterThan(0);
    expect(requested.length).toBeGreaterThan(0);
    for (const repair of requested) {
      expect(repair.technicianId).toBeNull();
      expect(repair.customer.users.length).toBeGreaterThan(0);
    }
  });

  it("blocks Sam Okafor at Valley Auto Dealers, which has no customer login", async () => {
    const valley = await database.db.customer.findFirstOrThrow({
      where: { name: "Valley Auto Dealers" },
      include: { blockedTechnicians: { include: { user: true } }, users: true },
    });
    expect(valley.blockedTechnicians.map((t) => t.user.email)).toEqual(["tech3@demo.test"]);
    expect(valley.users).toEqual([]);
  });

  it("gives Valley Auto Dealers a completion checklist, and the other customers none", async () => {
    const customers = await database.db.customer.findMany({ select: { name: true, completionChecklist: true } });
    expect(customers.filter((c) => (c.completionChecklist as unknown[]).length > 0)).toEqual([
      {
        name: "Valley Auto Dealers",
        completionChecklist: ["Resin cured under UV", "Pit filled and polished", "Customer shown the result"],
      },
    ]);
  });

  it("gives every completed repair its points, and Valley's first one both bonuses of Summit's referral", async () => {
    const db = database.db;
    const done = await db.repair.findMany({
      where: { status: { in: ["COMPLETED", "INVOICED", "CLOSED"] } },
      select: { id: true, customerId: true, completedAt: true },
    });
    const grants = await db.pointsEntry.findMany({ where: { kind: "GRANT_REPAIR" } });
    expect(grants.map((g) => g.repairId).sort()).toEqual(done.map((r) => r.id).sort());
    expect(grants.every((g) => g.points === 50)).toBe(true);
    const valley = await db.customer.findFirstOrThrow({ where: { name: "Valley Auto Dealers" } });
    const summit = await db.customer.findFirstOrThrow({ where: { name: "Summit Car Rentals" } });
    expect(valley.referredByCustomerId).toBe(summit.id);
    const bonuses = await db.pointsEntry.findMany({ where: { kind: { in: ["GRANT_REFERRER", "GRANT_REFERRED"] } } });
    expect(bonuses.map((b) => [b.kind, b.customerId, b.points]).sort()).toEqual([
      ["GRANT_REFERRED", valley.id, 100],
      ["GRANT_REFERRER", summit.id, 500],
    ]);
    // Each grant is dated when its repair was completed.
    const completedAt = new Map(done.map((r) => [r.id, r.completedAt?.getTime()]));
    expect(grants.every((g) => g.createdAt.getTime() === completedAt.get(g.repairId!))).toBe(true);
  });
});
