import { describe, expect, it } from "vitest";
import { overridePrice } from "~/server/services/repairs/override-price";
import { ORIGIN, callerFor, contextFor, createCustomer, createWalk } from "../../support/fixtures";
import { capture, completedRepair, finish } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("overriding a price", () => {
  const world = useWorld();

  it("lets a manager with a $150 limit override to $100 but not to $200", async () => {
    const repair = await capture(world.db, world, { unitNumber: "O-1" });
    const maya = callerFor(world.db, world.maya);
    await expect(
      maya.repair.overridePrice({ repairId: repair.id, amountCents: 20_000, reason: "long crack" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "OVER_APPROVAL_LIMIT" },
    });
    const overridden = await maya.repair.overridePrice({
      repairId: repair.id,
      amountCents: 10_000,
      reason: "long crack",
    });
    expect(overridden).toMatchObject({
      estimateCents: 10_000,
      estimateSource: "OVERRIDE",
      overrideCents: 10_000,
      overriddenById: world.maya.userId,
      priceCents: null,
    });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: repair.id, action: "repair.overridePrice" },
    });
    expect(audit).toMatchObject({ actorId: world.maya.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toMatchObject({
      estimateCents: { before: 5000, after: 10_000 },
      overrideReason: { before: null, after: "long crack" },
    });
  });

  it("wins at completion over the computed price, without a discount on top", async () => {
    const repair = await capture(world.db, world, { unitNumber: "O-2" });
    await overridePrice(world.db, contextFor(world.admin), { repairId: repair.id, amountCents: 0, reason: "goodwill" });
    const done = await finish(world.db, world.tina, repair.id);
    expect(done).toMatchObject({ priceCents: 0, priceSource: "OVERRIDE", tierOrdinal: 1 });
  });

  it("re-freezes a completed repair's price with source OVERRIDE, keeping its ordinal", async () => {
    await completedRepair(world.db, world, "O-3");
    const second = await completedRepair(world.db, world, "O-3");
    const overridden = await callerFor(world.db, world.admin).repair.overridePrice({
      repairId: second.id,
      amountCents: 2000,
      reason: "re-did a bad fill",
    });
    expect(overridden).toMatchObject({
      priceCents: 2000,
      priceSource: "OVERRIDE",
      tierOrdinal: 2,
      pricingVersion: 0,
      status: "COMPLETED",
    });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: second.id, action: "repair.overridePrice" },
    });
    expect(audit.changes).toMatchObject({
      priceCents: { before: 4000, after: 2000 },
      priceSource: { before: "DEFAULT_TIER", after: "OVERRIDE" },
    });
  });

  it("needs a reason, and the right to override", async () => {
    const repair = await capture(world.db, world, { unitNumber: "O-4" });
    await expect(
      overridePrice(world.db, contextFor(world.admin), { repairId: repair.id, amountCents: 100, reason: " " }),
    ).rejects.toMatchObject({
      code: "REASON_REQUIRED",
    });
    const noRight = {
      ...world.maya,
      actor: { ...world.maya.actor, technician: { ...world.maya.actor.technician!, canOverridePricing: false } },
    };
    await expect(
      overridePrice(world.db, contextFor(noRight), { repairId: repair.id, amountCents: 100, reason: "friend" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("does not let a manager sidestep their approval limit by overriding the price down first", async () => {
    // A first repair at this customer costs $200, over Maya's $150 limit.
    const pricey = await createCustomer(world.db, "Pricey Haulage", {
      pricing: { useCustomPricing: true, repair1Cents: 20_000 },
    });
    const walk = await createWalk(world.db, pricey.id, world.tina.technicianId);
    const repair = await capture(world.db, world, { unitNumber: "P-1", attachments: [] }, world.tina, walk);
    expect(repair).toMatchObject({ status: "PENDING_APPROVAL", estimateCents: 20_000 });
    const maya = callerFor(world.db, world.maya);
    const overLimit = { code: "FORBIDDEN", cause: { code: "OVER_APPROVAL_LIMIT" } };

    await expect(maya.repair.approve({ ids: [repair.id] })).rejects.toMatchObject(overLimit);
    await expect(
      maya.repair.overridePrice({ repairId: repair.id, amountCents: 10_000, reason: "long-standing client" }),
    ).rejects.toMatchObject(overLimit);
    await expect(maya.repair.approve({ ids: [repair.id] })).rejects.toMatchObject(overLimit);
    expect(await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).toMatchObject({
      status: "PENDING_APPROVAL",
      estimateCents: 20_000,
      overrideCents: null,
    });

    // Someone whose authority covers $200 may lower it; the lower price is then Maya's to approve.
    await callerFor(world.db, world.admin).repair.overridePrice({
      repairId: repair.id,
      amountCents: 10_000,
      reason: "long-standing client",
    });
    await expect(maya.repair.approve({ ids: [repair.id] })).resolves.toMatchObject([{ status: "APPROVED" }]);
  });
});
