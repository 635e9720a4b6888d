import { randomUUID } from "node:crypto";
import { markWindshieldReplaced } from "~/server/services/units/mark-windshield-replaced";
import { describe, expect, it } from "vitest";
import { actorFor, callerFor, contextFor, createUnit, photo } from "../../support/fixtures";
import { capture, completedRepair, finish } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

// One test per mistake we design against (docs/architecture.md), shown impossible through the services and procedures.
describe("mistakes we design against, end to end", () => {
  const world = useWorld();

  it("re-saving: a completed repair's price never changes after later completions, price-list edits, replacements and overrides", async () => {
    const first = await completedRepair(world.db, world, "T-1");
    const frozen = await world.db.repair.findUniqueOrThrow({ where: { id: first.id } });
    await world.db.customerPricing.create({
      data: {
        customerId: world.acme.id,
        useCustomPricing: true,
        repair1Cents: 9900,
        volumeDiscountThreshold: 1,
        volumeDiscountBasisPoints: 5000,
        version: 7,
      },
    });
    const second = await completedRepair(world.db, world, "T-1");
    await callerFor(world.db, world.admin).repair.overridePrice({
      repairId: second.id,
      amountCents: 1,
      reason: "test",
    });
    const unit = await world.db.unit.findFirstOrThrow({ where: { unitNumber: "T-1" } });
    await markWindshieldReplaced(world.db, contextFor(world.maya), { unitId: unit.id });
    await completedRepair(world.db, world, "T-1");
    const after = await world.db.repair.findUniqueOrThrow({ where: { id: first.id } });
    const priceOf = (r: typeof frozen) => [
      r.priceCents,
      r.tierOrdinal,
      r.priceSource,
      r.pricingVersion,
      r.completedAt?.getTime(),
    ];
    expect(priceOf(after)).toEqual(priceOf(frozen));
    expect(priceOf(after)).toEqual([5000, 1, "DEFAULT_TIER", 0, frozen.completedAt!.getTime()]);
    await world.db.customerPricing.delete({ where: { customerId: world.acme.id } });
  });

  it("double counting: ordinals come from the history, and a repair cannot be completed twice", async () => {
    const repair = await capture(world.db, world, { unitNumber: "T-2" });
    const done = await finish(world.db, world.tina, repair.id);
    expect(done.tierOrdinal).toBe(1);
    await expect(
      callerFor(world.db, world.tina).repair.complete({ repairId: repair.id, attachments: [photo("AFTER")] }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { code: "NO_SUCH_TRANSITION" } });
    expect((await completedRepair(world.db, world, "T-2")).tierOrdinal).toBe(2);
    const unit = await world.db.unit.findFirstOrThrow({ where: { unitNumber: "T-2" } });
    expect(unit.windshieldSeq).toBe(1); // nothing on the unit counts repairs
  });

  it("transition without a rule: a technician cannot restart a denied repair", async () => {
    const repair = await capture(world.db, world, { unitNumber: "T-3", attachments: [] });
    await callerFor(world.db, world.carla).repair.deny({ ids: [repair.id], reason: "not now" });
    await expect(callerFor(world.db, world.tina).repair.start({ repairId: repair.id })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "NO_SUCH_TRANSITION" },
    });
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).status).toBe("DENIED");
  });

  it("approving a repair that is not pending is refused, for a customer too", async () => {
    const unit = await createUnit(world.db, world.acme.id, "T-4");
    const request = await callerFor(world.db, world.carla).repair.request({
      id: randomUUID(),
      unitId: unit.id,
      damageType: "CHIP",
    });
    await expect(callerFor(world.db, world.carla).repair.approve({ ids: [request.id] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      callerFor(world.db, world.carla).repair.deny({ ids: [request.id], reason: "x" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("overriding without the right is refused: technician and customer at the procedure, manager without the flag by the domain", async () => {
    const repair = await capture(world.db, world, { unitNumber: "T-5" });
    const input = { repairId: repair.id, amountCents: 0, reason: "a favour" };
    await expect(callerFor(world.db, world.tina).repair.overridePrice(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(world.db, world.carla).repair.overridePrice(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await world.db.technician.update({ where: { id: world.maya.technicianId }, data: { canOverridePricing: false } });
    const mayaNow = { ...world.maya, actor: await actorFor(world.db, world.maya.userId) };
    await expect(callerFor(world.db, mayaNow).repair.overridePrice(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "FORBIDDEN" },
    });
    await world.db.technician.update({ where: { id: world.maya.technicianId }, data: { canOverridePricing: true } });
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).overrideCents).toBeNull();
  });

  it("a customer never sees another customer's repair: byId is NOT_FOUND and lists leave it out", async () => {
    const repair = await capture(world.db, world, { unitNumber: "T-6" });
    const gus = callerFor(world.db, world.gus);
    await expect(gus.repair.byId({ id: repair.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gus.repair.approve({ ids: [repair.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await gus.repair.list({})).items.map((r) => r.id)).not.toContain(repair.id);
    expect((await gus.repair.list({ customerId: world.acme.id })).items).toEqual([]);
  });

  it("a customer request is not handed to a technician who cannot see it: it stays unassigned and visible to the manager", async () => {
    const unit = await createUnit(world.db, world.acme.id, "T-7");
    const request = await callerFor(world.db, world.carla).repair.request({
      id: randomUUID(),
      unitId: unit.id,
      damageType: "CHIP",
    });
    expect(request.technicianId).toBeNull();
    expect(
      (await callerFor(world.db, world.maya).repair.list({ status: ["REQUESTED"] })).items.map((r) => r.id),
    ).toContain(request.id);
    expect((await callerFor(world.db, world.tina).repair.list({})).items.map((r) => r.id)).not.toContain(request.id);
    await callerFor(world.db, world.maya).repair.assign({
      repairId: request.id,
      technicianId: world.tina.technicianId,
    });
    expect((await callerFor(world.db, world.tina).repair.byId({ id: request.id })).status).toBe("ASSIGNED");
  });
});
