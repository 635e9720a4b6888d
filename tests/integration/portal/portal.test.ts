import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor, createUnit, createWalk, photo } from "../../support/fixtures";
import { capture, completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("the customer portal", () => {
  const world = useWorld();

  it("shows $50 for a unit with no history and $40 for its second repair, and requests at that price", async () => {
    const unit = await createUnit(world.db, world.acme.id, "P-1");
    const carla = callerFor(world.db, world.carla);
    expect(await carla.repair.estimateForUnit({ unitId: unit.id })).toMatchObject({
      totalCents: 5000,
      lines: [{ ordinal: 1, cents: 5000 }],
    });
    await completedRepair(world.db, world, "P-1");
    expect(await carla.repair.estimateForUnit({ unitId: unit.id })).toMatchObject({
      totalCents: 4000,
      lines: [{ ordinal: 2, cents: 4000 }],
    });
    const requested = await carla.repair.request({
      id: randomUUID(),
      unitId: unit.id,
      damageType: "CHIP",
      attachments: [photo("DAMAGE")],
    });
    expect(requested).toMatchObject({ status: "REQUESTED", estimateCents: 4000, approvalKind: "REQUEST" });
  });

  it("lists the fleet with every windshield's repairs (current first) and their photos", async () => {
    const first = await completedRepair(world.db, world, "P-2");
    await callerFor(world.db, world.maya).unit.markWindshieldReplaced({ unitId: first.unitId });
    const fresh = await capture(world.db, world, { unitNumber: "P-2" });

    const page = await callerFor(world.db, world.carla).portal.units({ search: "P-2" });
    expect(page.items).toHaveLength(1);
    const unit = page.items[0]!;
    expect(unit).toMatchObject({ unitNumber: "P-2", windshieldSeq: 2 });
    expect(unit.windshields.map((w) => [w.seq, w.current, w.repairs.map((r) => r.id)])).toEqual([
      [2, true, [fresh.id]],
      [1, false, [first.id]],
    ]);
    const old = unit.windshields[1]!.repairs[0]!;
    expect(old).toMatchObject({ status: "COMPLETED", priceCents: 5000, technician: { name: "Tina" } });
    expect(old.attachments.map((a) => a.photoStage).sort()).toEqual(["AFTER", "DAMAGE"]);
    expect(old).not.toHaveProperty("technicianNotes");

    const all = await callerFor(world.db, world.carla).portal.units({ limit: 1 });
    expect(all.items).toHaveLength(1);
    const next = await callerFor(world.db, world.carla).portal.units({ limit: 1, cursor: all.nextCursor! });
    expect(next.items[0]!.unitNumber > all.items[0]!.unitNumber).toBe(true);
  });

  it("lists what waits for the customer's approval, and approves or denies one or many (audited)", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const a = await capture(world.db, world, { unitNumber: "P-3", attachments: [] }, world.tina, walk);
    const b = await capture(world.db, world, { unitNumber: "P-4", attachments: [] }, world.tina, walk);
    const c = await capture(world.db, world, { unitNumber: "P-5", attachments: [] }, world.tina, walk);
    const carla = callerFor(world.db, world.carla);
    const pending = await carla.portal.pendingApprovals();
    const group = pending.groups.find((g) => g.walk?.id === walk.id)!;
    expect(group.repairs.map((r) => r.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(group).toMatchObject({ totalEstimateCents: 15_000, othersPending: 0 });
    expect(group.repairs[0]).toMatchObject({ approvalReason: "needs approval: a damage photo is required" });
    expect(group.repairs[0]).not.toHaveProperty("flaggedReason");

    const approved = await carla.portal.approve({ ids: [a.id, b.id] });
    expect(approved.map((r) => r.approvedById)).toEqual([world.carla.userId, world.carla.userId]);
    const [denied] = await carla.portal.deny({ ids: [c.id], reason: "unit is being sold" });
    expect(denied).toMatchObject({ status: "DENIED", deniedById: world.carla.userId });
    expect(
      await world.db.auditLog.count({
        where: { entityId: { in: [a.id, b.id, c.id] }, actorId: world.carla.userId, ip: ORIGIN.ip },
      }),
    ).toBe(3);
    expect((await carla.portal.pendingApprovals()).groups.find((g) => g.walk?.id === walk.id)).toBeUndefined();
  });

  it("shows the company's own settings and price list read-only, and lets it change its contact email and phone only", async () => {
    await world.db.customerPricing.create({
      data: {
        customerId: world.acme.id,
        useCustomPricing: true,
        repair1Cents: 4500,
        notes: "internal: matched a competitor",
      },
    });
    const carla = callerFor(world.db, world.carla);
    const settings = await carla.portal.settings();
    expect(settings).toMatchObject({
      id: world.acme.id,
      name: "Acme Rentals",
      settings: { autoApproveLotRepairs: true, maxAutoApproveCents: 10_000 },
      pricingNotes: null,
      users: null,
    });
    expect(settings.pricing.effectiveTiers[0]).toEqual({ cents: 4500, source: "CUSTOM_TIER" });
    expect(JSON.stringify(settings)).not.toContain("competitor");

    const updated = await carla.portal.updatePreferences({
      contactEmail: "fleet@acme.example",
      phone: "+1 720 555 0100",
      name: "Hacked",
    } as never);
    expect(updated).toMatchObject({
      name: "Acme Rentals",
      contactEmail: "fleet@acme.example",
      phone: "+1 720 555 0100",
    });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: world.acme.id, action: "customer.updateContact" },
    });
    expect(audit).toMatchObject({ actorId: world.carla.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toEqual({
      contactEmail: { before: null, after: "fleet@acme.example" },
      phone: { before: null, after: "+1 720 555 0100" },
    });
    await expect(
      carla.admin.updatePricing({ customerId: world.acme.id, useCustomPricing: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      carla.admin.updateFleetSettings({ customerId: world.acme.id, autoApproveLotRepairs: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("never shows one customer's units, repairs or photos to another customer's user, through any portal procedure", async () => {
    const acmeWalk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const acmeApproved = await capture(
      world.db,
      world,
      { unitNumber: "ISO-1", attachments: [photo("DAMAGE")], customerId: world.acme.id },
      world.tina,
      acmeWalk,
    );
    await world.db.customer.update({ where: { id: world.acme.id }, data: { autoApproveLotRepairs: false } });
    const acmeWaiting = await capture(
      world.db,
      world,
      { unitNumber: "ISO-2", attachments: [photo("DAMAGE")] },
      world.tina,
      acmeWalk,
    );
    await world.db.customer.update({ where: { id: world.acme.id }, data: { autoApproveLotRepairs: true } });
    expect(acmeWaiting.status).toBe("PENDING_APPROVAL");
    const globexWalk = await createWalk(world.db, world.globex.id, world.tina.technicianId);
    const globexPending = await capture(
      world.db,
      world,
      { unitNumber: "G-ISO", customerId: world.globex.id },
      world.tina,
      globexWalk,
    );

    const acmeUnits = await world.db.unit.findMany({ where: { customerId: world.acme.id }, select: { id: true } });
    const acmeAttachments = await world.db.attachment.findMany({
      where: { repair: { customerId: world.acme.id } },
      select: { id: true },
    });
    const secrets = [
      world.acme.id,
      acmeApproved.id,
      acmeWaiting.id,
      ...acmeUnits.map((u) => u.id),
      ...acmeAttachments.map((a) => a.id),
    ];
    const leaks = (value: unknown) => secrets.filter((s) => JSON.stringify(value).includes(s));

    const gus = callerFor(world.db, world.gus);
    const units = await gus.portal.units({});
    expect(units.items.map((u) => u.customerId)).toEqual([world.globex.id]);
    expect(leaks(units)).toEqual([]);
    expect(leaks(await gus.portal.units({ customerId: world.acme.id } as never))).toEqual([]);
    const pending = await gus.portal.pendingApprovals();
    expect(pending.groups.flatMap((g) => g.repairs).map((r) => r.id)).toEqual([globexPending.id]);
    expect(leaks(pending)).toEqual([]);
    const settings = await gus.portal.settings();
    expect(settings.id).toBe(world.globex.id);
    expect(leaks(settings)).toEqual([]);
    expect((await gus.portal.updatePreferences({ phone: "+1 555 0101" })).id).toBe(world.globex.id);
    expect((await world.db.customer.findUniqueOrThrow({ where: { id: world.acme.id } })).phone).toBe("+1 720 555 0100");

    await expect(gus.portal.approve({ ids: [acmeWaiting.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gus.portal.deny({ ids: [acmeWaiting.id], reason: "not ours" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(gus.portal.approve({ ids: [globexPending.id, acmeWaiting.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: globexPending.id } })).status).toBe(
      "PENDING_APPROVAL",
    );
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: acmeWaiting.id } })).status).toBe(
      "PENDING_APPROVAL",
    );
    await expect(gus.repair.estimateForUnit({ unitId: acmeUnits[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      gus.repair.request({ id: randomUUID(), unitId: acmeUnits[0]!.id, damageType: "CHIP" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gus.repair.byId({ id: acmeWaiting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gus.manager.approvalQueue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(gus.admin.customer({ customerId: world.acme.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
