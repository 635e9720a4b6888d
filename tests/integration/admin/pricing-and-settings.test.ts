import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor, createWalk } from "../../support/fixtures";
import { capture, finish } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("an admin setting a customer's prices and fleet settings", () => {
  const world = useWorld();

  it("prices the customer's next captured repairs by the custom tiers (0 = free, null = default), re-quotes open work, bumps the version, and audits before -> after", async () => {
    const admin = callerFor(world.db, world.admin);
    const walk = await createWalk(world.db, world.globex.id, world.tina.technicianId);
    const atGlobex = { customerId: world.globex.id, unitNumber: "GX-1" };
    const open = await capture(world.db, world, { ...atGlobex, unitNumber: "GX-OPEN" }, world.tina, walk);
    expect(open.estimateCents).toBe(5000);

    const updated = await admin.admin.updatePricing({
      customerId: world.globex.id,
      useCustomPricing: true,
      tiersCents: [6000, 0, null, null, 2000],
      notes: "fleet agreement 2026",
    });
    expect(updated).toMatchObject({
      version: 1,
      useCustomPricing: true,
      tiersCents: [6000, 0, null, null, 2000],
      notes: "fleet agreement 2026",
      refreshedUnits: 1,
    });
    expect(updated.effectiveTiers).toEqual([
      { cents: 6000, source: "CUSTOM_TIER" },
      { cents: 0, source: "CUSTOM_TIER" },
      { cents: 3500, source: "DEFAULT_TIER" },
      { cents: 3000, source: "DEFAULT_TIER" },
      { cents: 2000, source: "CUSTOM_TIER" },
    ]);
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: open.id } })).estimateCents).toBe(6000);

    const first = await capture(world.db, world, atGlobex, world.tina, walk);
    expect(first).toMatchObject({ estimateCents: 6000, estimateSource: "CUSTOM_TIER" });
    await admin.repair.approve({ ids: [first.id] });
    const done = await finish(world.db, world.tina, first.id);
    expect(done).toMatchObject({ priceCents: 6000, priceSource: "CUSTOM_TIER", pricingVersion: 1 });
    expect(await capture(world.db, world, atGlobex, world.tina, walk)).toMatchObject({
      estimateCents: 0,
      estimateSource: "CUSTOM_TIER",
    });

    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { action: "customer.updatePricing", entityType: "CustomerPricing" },
    });
    expect(audit).toMatchObject({
      actorId: world.admin.userId,
      actorEmail: world.admin.actor.email,
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
    });
    expect(audit.changes).toMatchObject({
      repair1Cents: { before: null, after: 6000 },
      repair2Cents: { before: null, after: 0 },
      useCustomPricing: { before: null, after: true },
    });

    const again = await admin.admin.updatePricing({
      customerId: world.globex.id,
      volumeDiscountThreshold: 5,
      volumeDiscountBasisPoints: 1000,
    });
    expect(again).toMatchObject({
      version: 2,
      tiersCents: [6000, 0, null, null, 2000],
      volumeDiscountBasisPoints: 1000,
    });
    const unchanged = await admin.admin.updatePricing({ customerId: world.globex.id, volumeDiscountThreshold: 5 });
    expect(unchanged.version).toBe(2);

    const history = await admin.admin.pricingHistory({ customerId: world.globex.id });
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      action: "customer.updatePricing",
      actor: { id: world.admin.userId, name: "Ada" },
      changes: { version: { before: 1, after: 2 }, volumeDiscountBasisPoints: { before: 0, after: 1000 } },
    });
    expect(history[1]!.changes).toMatchObject({ repair1Cents: { before: null, after: 6000 } });
  });

  it("refuses prices the domain does not accept, changing nothing", async () => {
    const admin = callerFor(world.db, world.admin);
    await expect(
      admin.admin.updatePricing({ customerId: world.acme.id, tiersCents: [-100, null, null, null, null] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "INVALID_PRICING_RULES" },
    });
    await expect(
      admin.admin.updatePricing({ customerId: world.acme.id, volumeDiscountBasisPoints: 10_001 }),
    ).rejects.toMatchObject({ cause: { code: "INVALID_PRICING_RULES" } });
    expect(await world.db.customerPricing.count({ where: { customerId: world.acme.id } })).toBe(0);
    await expect(
      callerFor(world.db, world.maya).admin.updatePricing({ customerId: world.acme.id, useCustomPricing: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("sets fleet settings, bumping settingsVersion and auditing before -> after; a technician cannot be both preferred and blocked", async () => {
    const admin = callerFor(world.db, world.admin);
    const before = await world.db.customer.findUniqueOrThrow({ where: { id: world.acme.id } });
    const settings = await admin.admin.updateFleetSettings({
      customerId: world.acme.id,
      fleetSize: 140,
      lotWalkingEnabled: true,
      lotWalkingWeekdays: ["thursday", "monday"],
      lotWalkingFrequency: "BIWEEKLY",
      lotWalkingTime: "07:30",
      autoApproveLotRepairs: false,
      maxAutoApproveCents: 7500,
      requirePhotoForApproval: false,
      serviceMode: "HYBRID",
      paymentTerms: "NET_60",
      preferredTechnicianIds: [world.tina.technicianId],
      blockedTechnicianIds: [world.theo.technicianId],
    });
    expect(settings).toMatchObject({
      fleetSize: 140,
      lotWalkingWeekdays: ["monday", "thursday"],
      lotWalkingTime: "07:30",
      maxAutoApproveCents: 7500,
      serviceMode: "HYBRID",
      paymentTerms: "NET_60",
      preferredTechnicians: [{ id: world.tina.technicianId, name: "Tina" }],
      blockedTechnicians: [{ id: world.theo.technicianId, name: "Theo" }],
      settingsVersion: before.settingsVersion + 1,
    });
    const stored = await world.db.customer.findUniqueOrThrow({ where: { id: world.acme.id } });
    expect(stored.lotWalkingSchedule).toEqual({ monday: true, thursday: true });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: world.acme.id, action: "customer.updateFleetSettings" },
    });
    expect(audit).toMatchObject({ actorId: world.admin.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toMatchObject({
      paymentTerms: { before: "NET_30", after: "NET_60" },
      lotWalkingWeekdays: { before: [], after: ["monday", "thursday"] },
      blockedTechnicianIds: { before: [], after: [world.theo.technicianId] },
      settingsVersion: { before: before.settingsVersion, after: before.settingsVersion + 1 },
    });

    await expect(
      admin.admin.updateFleetSettings({ customerId: world.acme.id, blockedTechnicianIds: [world.tina.technicianId] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "TECHNICIAN_PREFERRED_AND_BLOCKED" },
    });
    await expect(
      admin.admin.updateFleetSettings({ customerId: world.acme.id, lotWalkingTime: "25:00" }),
    ).rejects.toMatchObject({ cause: { code: "INVALID_TIME_OF_DAY" } });
    await expect(
      admin.admin.updateFleetSettings({ customerId: world.acme.id, lotWalkingWeekdays: [] }),
    ).rejects.toMatchObject({ cause: { code: "SCHEDULE_WITHOUT_DAYS" } });
    await expect(
      admin.admin.updateFleetSettings({ customerId: world.acme.id, preferredTechnicianIds: [world.acme.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unchanged = await admin.admin.updateFleetSettings({ customerId: world.acme.id, paymentTerms: "NET_60" });
    expect(unchanged.settingsVersion).toBe(before.settingsVersion + 1);
    expect(
      await world.db.auditLog.count({ where: { entityId: world.acme.id, action: "customer.updateFleetSettings" } }),
    ).toBe(1);

    // Back to Acme's auto-approval, for the tests below.
    await admin.admin.updateFleetSettings({
      customerId: world.acme.id,
      autoApproveLotRepairs: true,
      maxAutoApproveCents: 10_000,
      requirePhotoForApproval: true,
    });
  });

  it("creates a customer, lists customers with their numbers, shows one in detail, and edits its contact (all audited)", async () => {
    const admin = callerFor(world.db, world.admin);
    const created = await admin.admin.createCustomer({
      name: "Initech Leasing",
      contactEmail: "fleet@initech.example",
      phone: "+1 303 555 0199",
    });
    expect(
      await world.db.auditLog.count({
        where: { entityId: created.id, action: "customer.create", actorId: world.admin.userId },
      }),
    ).toBe(1);

    const list = await admin.admin.customers({});
    expect(list.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Acme Rentals", "Globex Trucking", "Initech Leasing"]),
    );
    expect(list.find((c) => c.name === "Globex Trucking")).toMatchObject({
      pricing: { useCustomPricing: true, version: 2 },
      unitCount: 2,
    });
    expect(await admin.admin.customers({ search: "inite" })).toEqual([
      expect.objectContaining({ id: created.id, unitCount: 0, openRepairs: 0 }),
    ]);

    const detail = await admin.admin.customer({ customerId: world.globex.id });
    expect(detail).toMatchObject({
      name: "Globex Trucking",
      pricingNotes: "fleet agreement 2026",
      pricing: { version: 2 },
      unitCount: 2,
    });
    expect(detail.users).toEqual([expect.objectContaining({ id: world.gus.userId, isPrimaryContact: false })]);

    const renamed = await admin.admin.updateCustomer({
      customerId: created.id,
      name: "Initech Fleet Leasing",
      address: "1 Initech Way",
    });
    expect(renamed).toMatchObject({
      name: "Initech Fleet Leasing",
      contactEmail: "fleet@initech.example",
      address: "1 Initech Way",
    });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: created.id, action: "customer.updateContact" },
    });
    expect(audit.changes).toEqual({
      name: { before: "Initech Leasing", after: "Initech Fleet Leasing" },
      address: { before: null, after: "1 Initech Way" },
    });
  });
});
