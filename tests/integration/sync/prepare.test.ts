import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";
import { markWindshieldReplaced } from "~/server/services/units/mark-windshield-replaced";
import { callerFor, contextFor, createCustomer, createWalk } from "../../support/fixtures";
import { capture, completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

/** A client that counts every query it sends, transactions included. */
function countingDb(db: Db) {
  const counter = { queries: 0 };
  const counted = db.$extends({
    query: {
      $allOperations({ args, query }) {
        counter.queries++;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { counted, counter };
}

describe("sync.prepare: what a technician's device caches before a walk", () => {
  const world = useWorld();
  let initechId: string;
  let scheduledWalkId: string;

  beforeAll(async () => {
    const { db } = world;
    const initech = await createCustomer(db, "Initech Logistics", {
      settings: { settingsVersion: 4, address: "1 Loop Rd" },
      pricing: {
        useCustomPricing: true,
        repair1Cents: 6000,
        repair2Cents: 0,
        version: 3,
        volumeDiscountThreshold: 5,
        volumeDiscountBasisPoints: 1000,
      },
    });
    initechId = initech.id;
    scheduledWalkId = randomUUID();
    await db.lotWalk.create({
      data: {
        id: scheduledWalkId,
        customerId: initech.id,
        technicianId: world.tina.technicianId,
        scheduledFor: inDays(3),
      },
    });
    await db.unit.createMany({
      data: [
        { customerId: initech.id, unitNumber: "I-1", make: "Ford", model: "Transit" },
        { customerId: initech.id, unitNumber: "I-2" },
      ],
    });
    // Outside Tina's snapshot: a walk too far ahead, a finished walk, and Theo's walk.
    await db.lotWalk.create({
      data: {
        id: randomUUID(),
        customerId: world.globex.id,
        technicianId: world.tina.technicianId,
        scheduledFor: inDays(30),
      },
    });
    await db.lotWalk.create({
      data: {
        id: randomUUID(),
        customerId: world.globex.id,
        technicianId: world.tina.technicianId,
        status: "COMPLETED",
        scheduledFor: inDays(0),
      },
    });
    await createWalk(db, world.globex.id, world.theo.technicianId);
    await db.unit.create({ data: { customerId: world.globex.id, unitNumber: "G-1" } });

    // Acme's history: A-1 two completed repairs by Tina and one open; A-2 one by Maya; A-3 one before a new windshield.
    await completedRepair(db, world, "A-1");
    await completedRepair(db, world, "A-1");
    await capture(db, world, { unitNumber: "A-1", attachments: [] });
    const mayasWalk = await createWalk(db, world.acme.id, world.maya.technicianId);
    await completedRepair(db, { ...world, walk: mayasWalk }, "A-2", world.maya);
    const replaced = await completedRepair(db, world, "A-3");
    await markWindshieldReplaced(db, contextFor(world.maya), { unitId: replaced.unitId });
  });

  it("holds the technician's open walks of today ± 7 days, and the settings and price lists of every customer they may serve", async () => {
    const snapshot = await callerFor(world.db, world.tina).sync.prepare();
    expect(snapshot.technician).toEqual({ id: world.tina.technicianId, name: "Tina" });
    expect(snapshot.preparedAt).toBeInstanceOf(Date);
    expect(snapshot.walks.map((w) => w.id).sort()).toEqual([world.walk.id, scheduledWalkId].sort());
    expect(snapshot.walks.find((w) => w.id === scheduledWalkId)).toMatchObject({
      customerId: initechId,
      status: "SCHEDULED",
      startedAt: null,
    });
    // Globex too: no walk there today, but a walk may be started on the spot (unscheduled).
    expect(snapshot.customers.map((c) => c.name)).toEqual(["Acme Rentals", "Globex Trucking", "Initech Logistics"]);
    const [acme, , initech] = snapshot.customers;
    expect(acme).toMatchObject({
      id: world.acme.id,
      settingsVersion: 1,
      approval: { autoApproveLotRepairs: true, maxAutoApproveCents: 10_000, requirePhotoForApproval: true },
      pricing: { version: 0, useCustomPricing: false },
      completedThisMonth: 4,
    });
    expect(initech).toMatchObject({
      address: "1 Loop Rd",
      settingsVersion: 4,
      completedThisMonth: 0,
      pricing: {
        version: 3,
        useCustomPricing: true,
        tiersCents: [6000, 0, null, null, null],
        volumeDiscountThreshold: 5,
        volumeDiscountBasisPoints: 1000,
      },
    });
  });

  it("holds every unit of those customers with the counts its estimates need, on the current windshield", async () => {
    const { units } = await callerFor(world.db, world.tina).sync.prepare();
    expect(units.map((u) => u.unitNumber).sort()).toEqual(["A-1", "A-2", "A-3", "G-1", "I-1", "I-2"]);
    const unit = (n: string) => units.find((u) => u.unitNumber === n)!;
    expect(unit("A-1")).toMatchObject({ completedOnWindshield: 2, openRepairs: 1, windshieldSeq: 1 });
    expect(unit("A-1").history.map((r) => [r.status, r.priceCents, r.tierOrdinal])).toEqual([
      ["COMPLETED", 5000, 1],
      ["COMPLETED", 4000, 2],
      ["PENDING_APPROVAL", null, null],
    ]);
    // Maya's repair counts for the tier, but a technician sees only their own repairs' lines.
    expect(unit("A-2")).toMatchObject({ completedOnWindshield: 1, openRepairs: 0, history: [] });
    expect(unit("A-3")).toMatchObject({ windshieldSeq: 2, completedOnWindshield: 0, history: [] });
    expect(unit("I-1")).toMatchObject({
      customerId: initechId,
      make: "Ford",
      model: "Transit",
      completedOnWindshield: 0,
      openRepairs: 0,
      history: [],
    });
  });

  it("gives each technician only their own walks, and the lines of only the repairs they may see", async () => {
    const theos = await callerFor(world.db, world.theo).sync.prepare();
    expect(theos.walks.map((w) => w.customerId)).toEqual([world.globex.id]);
    expect(theos.units.find((u) => u.unitNumber === "A-1")).toMatchObject({ completedOnWindshield: 2, history: [] });
    const mayas = await callerFor(world.db, world.maya).sync.prepare();
    expect(mayas.walks.map((w) => w.customerId)).toEqual([world.acme.id]);
    expect(mayas.units.find((u) => u.unitNumber === "A-1")!.history).toHaveLength(3); // her team's work
  });

  it("is for staff with a technician profile: customers are refused, an admin without one is told why", async () => {
    await expect(callerFor(world.db, world.carla).sync.prepare()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(world.db, world.admin).sync.prepare()).rejects.toMatchObject({
      cause: { code: "TECHNICIAN_REQUIRED" },
    });
  });

  it("runs a fixed number of queries however large the fleet (no query per unit)", async () => {
    const { counted, counter } = countingDb(world.db);
    await prepareSnapshot(counted, contextFor(world.tina));
    const before = counter.queries;
    const units = Array.from({ length: 500 }, (_, i) => ({ customerId: initechId, unitNumber: `BULK-${i}` }));
    await world.db.unit.createMany({ data: units });
    counter.queries = 0;
    const snapshot = await prepareSnapshot(counted, contextFor(world.tina));
    expect(snapshot.units.length).toBeGreaterThan(500);
    expect(counter.queries).toBe(before);
    // walks, servable customers, favorites, customers, 2 per customer (price list, this month's count), units,
    // repairs, the technician's work, the open work they may take, templates; today's driving order:
    // the technician, business settings, the day's walks, the on-call repairs; the offline copies handed out (one statement);
    // the quality rules (photo checks, completion steps)
    expect(before).toBe(9 + 2 * 3 + 4 + 1 + 1);
  });
});
