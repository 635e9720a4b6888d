// Request Parts (the phone asks, the office acknowledges and fulfils, the phone sees the status),
// repair templates (own and company-wide, applied to one repair or many), favorite customers.
import { describe, expect, it } from "vitest";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";
import { callerFor, contextFor } from "../../support/fixtures";
import { capture, finish, requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("parts requests, templates and favorites", () => {
  const world = useWorld();

  describe("Request Parts", () => {
    it("goes from the technician's repair to the office and back: requested, acknowledged, fulfilled, each audited", async () => {
      const repair = await capture(world.db, world, { unitNumber: "PR-1" });
      const tina = callerFor(world.db, world.tina);
      const maya = callerFor(world.db, world.maya);
      const asked = await tina.parts.request({
        repairId: repair.id,
        item: " Bridge resin ",
        quantity: 2,
        note: "running low",
        urgency: "URGENT",
      });
      expect(asked).toMatchObject({ item: "Bridge resin", quantity: 2, status: "REQUESTED", urgency: "URGENT" });
      expect(asked.repair).toMatchObject({ id: repair.id, unitNumber: "PR-1", technician: { name: "Tina" } });

      expect((await maya.parts.list({})).requests.map((r) => r.id)).toContain(asked.id);
      const acknowledged = await maya.parts.advance({ id: asked.id, step: "acknowledge" });
      expect(acknowledged).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedById: world.maya.userId });
      const fulfilled = await maya.parts.advance({ id: asked.id, step: "fulfil" });
      expect(fulfilled).toMatchObject({ status: "FULFILLED", fulfilledById: world.maya.userId });

      expect(await tina.parts.forRepair({ repairId: repair.id })).toEqual([
        expect.objectContaining({ id: asked.id, status: "FULFILLED" }),
      ]);
      const actions = await world.db.auditLog.findMany({ where: { entityId: asked.id }, orderBy: { seq: "asc" } });
      expect(actions.map((a) => [a.action, a.actorId])).toEqual([
        ["parts.request", world.tina.userId],
        ["parts.acknowledge", world.maya.userId],
        ["parts.fulfil", world.maya.userId],
      ]);
      await expect(maya.parts.advance({ id: asked.id, step: "cancel" })).rejects.toMatchObject({
        code: "CONFLICT",
        cause: { code: "PARTS_REQUEST_CLOSED" },
      });
    });

    it.each([0, 10_000])("refuses a quantity of %s clearly", async (quantity) => {
      const repair = await capture(world.db, world, { unitNumber: `PR-Q${quantity}` });
      await expect(
        callerFor(world.db, world.tina).parts.request({ repairId: repair.id, item: "Resin", quantity }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Quantity is a whole number from 1 to 999.",
        cause: { code: "INVALID_PARTS_REQUEST" },
      });
      expect(await world.db.partsRequest.count({ where: { repairId: repair.id } })).toBe(0);
    });

    it("refuses a technician on another's repair, a customer; a technician may not run the office's side", async () => {
      const repair = await capture(world.db, world, { unitNumber: "PR-2" });
      await expect(
        callerFor(world.db, world.theo).parts.request({ repairId: repair.id, item: "Resin", quantity: 1 }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        callerFor(world.db, world.carla).parts.request({ repairId: repair.id, item: "Resin", quantity: 1 }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const asked = await callerFor(world.db, world.tina).parts.request({
        repairId: repair.id,
        item: "Resin",
        quantity: 1,
      });
      await expect(
        callerFor(world.db, world.tina).parts.advance({ id: asked.id, step: "fulfil" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("templates", () => {
    it("a manager saves a company-wide template and applies it to many repairs at once, with a count and the ones skipped", async () => {
      const maya = callerFor(world.db, world.maya);
      const template = await maya.template.save({
        companyWide: true,
        name: "Driver chip",
        damageType: "STAR_BREAK",
        damagePosition: "Driver side",
        notes: "Drill first.",
        checklist: ["Clean", "Cure 5 min"],
      });
      expect(template).toMatchObject({ companyWide: true, checklist: ["Clean", "Cure 5 min"] });
      const a = await capture(world.db, world, { unitNumber: "TP-1" });
      const b = await requested(world.db, world, "TP-2");
      const done = await capture(world.db, world, { unitNumber: "TP-3" });
      await finish(world.db, world.tina, done.id);
      const theirs = await capture(world.db, world, { unitNumber: "TP-4" }, world.theo, await theoWalk());

      const result = await maya.template.applyTo({
        templateId: template.id,
        repairIds: [a.id, b.id, done.id, theirs.id],
      });
      expect([...result.applied].sort()).toEqual([a.id, b.id].sort());
      expect(result.skipped).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ repairId: done.id, code: "TEMPLATE_NOT_APPLICABLE" }),
          expect.objectContaining({ repairId: theirs.id, code: "NOT_FOUND" }),
        ]),
      );
      const changed = await world.db.repair.findUniqueOrThrow({ where: { id: a.id } });
      expect(changed).toMatchObject({
        damageType: "STAR_BREAK",
        damagePosition: "Driver side",
        technicianNotes: "Drill first.",
        templateId: template.id,
        checklist: [
          { label: "Clean", done: false },
          { label: "Cure 5 min", done: false },
        ],
      });
      expect(await world.db.auditLog.count({ where: { action: "repair.applyTemplate" } })).toBe(2);
      expect((await world.db.repair.findUniqueOrThrow({ where: { id: done.id } })).damageType).toBe("CHIP");
    });

    it("a technician keeps their own templates only: no company-wide ones, none of another's", async () => {
      const tina = callerFor(world.db, world.tina);
      await expect(
        tina.template.save({ companyWide: true, name: "Everyone's", damageType: "CHIP" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN", cause: { code: "NOT_YOURS" } });
      const own = await tina.template.save({ name: "My chip", damageType: "CHIP" });
      expect(own).toMatchObject({ ownerTechnicianId: world.tina.technicianId, companyWide: false });
      await expect(callerFor(world.db, world.theo).template.delete({ id: own.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(tina.template.save({ name: "", damageType: "CHIP" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { code: "INVALID_TEMPLATE" },
      });
      // One tap on their own repair.
      const repair = await capture(world.db, world, { unitNumber: "TP-5" });
      expect(await tina.template.applyTo({ templateId: own.id, repairIds: [repair.id] })).toEqual({
        applied: [repair.id],
        skipped: [],
      });
      await expect(callerFor(world.db, world.carla).template.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("favorite customers", () => {
    it("a star follows the technician to the prepared snapshot (any device), audited; a blocking customer cannot be starred", async () => {
      const tina = callerFor(world.db, world.tina);
      await tina.favorite.set({ customerId: world.globex.id, favorite: true });
      expect(await tina.favorite.list()).toEqual([world.globex.id]);
      const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
      expect(snapshot.customers.map((c) => [c.name, c.favorite])).toEqual([
        ["Acme Rentals", false],
        ["Globex Trucking", true],
      ]);
      expect(
        await world.db.auditLog.count({ where: { action: "customer.favorite", actorId: world.tina.userId } }),
      ).toBe(1);
      await tina.favorite.set({ customerId: world.globex.id, favorite: false });
      expect(await tina.favorite.list()).toEqual([]);

      await world.db.customer.update({
        where: { id: world.acme.id },
        data: { blockedTechnicians: { connect: { id: world.theo.technicianId } } },
      });
      await expect(
        callerFor(world.db, world.theo).favorite.set({ customerId: world.acme.id, favorite: true }),
      ).rejects.toMatchObject({ code: "FORBIDDEN", cause: { code: "TECHNICIAN_BLOCKED" } });
      await expect(
        callerFor(world.db, world.admin).favorite.set({ customerId: world.acme.id, favorite: true }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  async function theoWalk() {
    const { createWalk } = await import("../../support/fixtures");
    return createWalk(world.db, world.acme.id, world.theo.technicianId);
  }
});
