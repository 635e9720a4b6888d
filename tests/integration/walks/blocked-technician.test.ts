// A customer may block technicians from its lots. A blocked technician neither starts a walk
// there, nor captures there (not even on a walk started before the block), nor is handed that
// customer's walks, settings or units by sync.prepare. Through the real procedures.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createCustomer, createUnit, createWalk, photo } from "../../support/fixtures";
import { DEVICE_ID, repairCapture, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("a technician the customer has blocked", () => {
  const world = useWorld();
  let blockingId: string;
  let walkBeforeBlock: { id: string; customerId: string };

  beforeAll(async () => {
    const { db } = world;
    const blocking = await createCustomer(db, "Blocking Freight");
    blockingId = blocking.id;
    await createUnit(db, blocking.id, "BF-1");
    const walk = await createWalk(db, blocking.id, world.tina.technicianId);
    walkBeforeBlock = { id: walk.id, customerId: blocking.id };
    await db.lotWalk.create({
      data: {
        id: randomUUID(),
        customerId: blocking.id,
        technicianId: world.tina.technicianId,
        scheduledFor: new Date(),
      },
    });
    await db.customer.update({
      where: { id: blocking.id },
      data: { blockedTechnicians: { connect: { id: world.tina.technicianId } } },
    });
  });

  it("cannot start a walk there: not on their own, nor through their manager or an admin", async () => {
    for (const [who, extra] of [
      [world.tina, {}],
      [world.maya, { technicianId: world.tina.technicianId }],
      [world.admin, { technicianId: world.tina.technicianId }],
    ] as const) {
      await expect(
        callerFor(world.db, who).walk.start({ id: randomUUID(), customerId: blockingId, ...extra }),
      ).rejects.toMatchObject({ code: "FORBIDDEN", cause: { code: "TECHNICIAN_BLOCKED" } });
    }
    expect(
      await world.db.lotWalk.count({ where: { customerId: blockingId, technicianId: world.tina.technicianId } }),
    ).toBe(2);
  });

  it("cannot start one from an offline device either (sync.push)", async () => {
    const start = walkStart(blockingId);
    const { results } = await callerFor(world.db, world.tina).sync.push({ deviceId: DEVICE_ID, mutations: [start] });
    expect(results).toMatchObject([{ id: start.id, ok: false, code: "TECHNICIAN_BLOCKED", retryable: false }]);
  });

  it("cannot capture there, even on a walk started before the block, alone or in a batch", async () => {
    const tina = callerFor(world.db, world.tina);
    const plain = [repairCapture(walkBeforeBlock, { unitNumber: "BF-1" }), repairCapture(walkBeforeBlock)];
    const onSpot = repairCapture(walkBeforeBlock, {
      unitNumber: "BF-2",
      attachments: [photo("DAMAGE"), photo("AFTER")],
      completedOnSpot: { completedAt: new Date() },
    });
    const { results } = await tina.sync.push({ deviceId: DEVICE_ID, mutations: [...plain, onSpot] });
    expect(results).toMatchObject(
      [...plain, onSpot].map((m) => ({ id: m.id, ok: false, code: "TECHNICIAN_BLOCKED", retryable: false })),
    );
    expect(await world.db.repair.count({ where: { customerId: blockingId } })).toBe(0);
    expect(await world.db.unit.count({ where: { customerId: blockingId } })).toBe(1);
  });

  it("is handed none of that customer's walks, settings or units by sync.prepare", async () => {
    const snapshot = await callerFor(world.db, world.tina).sync.prepare();
    expect(snapshot.walks.map((w) => w.customerId)).not.toContain(blockingId);
    expect(snapshot.customers.map((c) => c.id)).not.toContain(blockingId);
    expect(snapshot.units.map((u) => u.customerId)).not.toContain(blockingId);
    // Tina's other lot is still prepared.
    expect(snapshot.walks.map((w) => w.id)).toContain(world.walk.id);
  });

  it("others still work that lot, and the technician works elsewhere", async () => {
    const theo = callerFor(world.db, world.theo);
    const walkId = randomUUID();
    const { results } = await theo.sync.push({
      deviceId: DEVICE_ID,
      mutations: [walkStart(blockingId, walkId), repairCapture({ id: walkId, customerId: blockingId })],
    });
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect((await theo.sync.prepare()).units.map((u) => u.unitNumber)).toContain("BF-1");
    const tina = callerFor(world.db, world.tina);
    await expect(tina.walk.start({ id: randomUUID(), customerId: world.acme.id })).resolves.toMatchObject({
      status: "IN_PROGRESS",
    });
  });
});
