import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type Person, callerFor, createUnit, createWalk } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("who sees which repairs", () => {
  const world = useWorld();
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // Tina's find at Acme, Theo's find at Globex, and an unassigned request from Acme.
    ids.tinas = (await capture(world.db, world, { unitNumber: "L-1", technicianNotes: "resin ran low" })).id;
    const globexWalk = await createWalk(world.db, world.globex.id, world.theo.technicianId);
    ids.theos = (await capture(world.db, world, { unitNumber: "G-1" }, world.theo, globexWalk)).id;
    const unit = await createUnit(world.db, world.acme.id, "L-2");
    ids.request = (
      await callerFor(world.db, world.carla).repair.request({ id: randomUUID(), unitId: unit.id, damageType: "CHIP" })
    ).id;
  });

  const listed = async (person: Person) =>
    (await callerFor(world.db, person).repair.list({})).items.map((r) => r.id).sort();

  it("technician: own; manager: team and unassigned; admin: all; customer user: own company", async () => {
    expect(await listed(world.tina)).toEqual([ids.tinas]);
    expect(await listed(world.theo)).toEqual([ids.theos]);
    expect(await listed(world.maya)).toEqual([ids.tinas, ids.request].sort());
    expect(await listed(world.admin)).toEqual([ids.tinas, ids.theos, ids.request].sort());
    expect(await listed(world.carla)).toEqual([ids.tinas, ids.request].sort());
    expect(await listed(world.gus)).toEqual([ids.theos]);
  });

  it("filters by status, customer and walk, and pages with a cursor", async () => {
    const admin = callerFor(world.db, world.admin);
    expect((await admin.repair.list({ status: ["REQUESTED"] })).items.map((r) => r.id)).toEqual([ids.request]);
    expect((await admin.repair.list({ customerId: world.globex.id })).items.map((r) => r.id)).toEqual([ids.theos]);
    expect((await admin.repair.list({ walkId: world.walk.id })).items.map((r) => r.id)).toEqual([ids.tinas]);
    const first = await admin.repair.list({ limit: 2 });
    const second = await admin.repair.list({ limit: 2, cursor: first.nextCursor! });
    expect(first.items).toHaveLength(2);
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.items, ...second.items].map((r) => r.id).sort()).toEqual(Object.values(ids).sort());
  });

  it("byId gives attachments metadata, and the audit history to those who may read the log", async () => {
    const asAdmin = await callerFor(world.db, world.admin).repair.byId({ id: ids.tinas! });
    expect(asAdmin.attachments).toHaveLength(1);
    expect(asAdmin.attachments[0]).toMatchObject({ kind: "PHOTO", photoStage: "DAMAGE" });
    expect(asAdmin.history!.map((h) => h.action)).toEqual(["repair.capture"]);
    expect(asAdmin.unit.unitNumber).toBe("L-1");
    const asTina = await callerFor(world.db, world.tina).repair.byId({ id: ids.tinas! });
    expect(asTina).toMatchObject({ technicianNotes: "resin ran low", history: null });
  });

  it("keeps technician notes and sync flags from customer users", async () => {
    const asCarla = await callerFor(world.db, world.carla).repair.byId({ id: ids.tinas! });
    expect(asCarla.customerNotes).toBe("");
    expect(asCarla).not.toHaveProperty("technicianNotes");
    expect(asCarla).not.toHaveProperty("flaggedReason");
  });

  it("answers NOT_FOUND for a repair the actor may not see, exactly as for one that does not exist", async () => {
    await expect(callerFor(world.db, world.gus).repair.byId({ id: ids.tinas! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(world.db, world.theo).repair.byId({ id: ids.tinas! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(world.db, world.admin).repair.byId({ id: randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
