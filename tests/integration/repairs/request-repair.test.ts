import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor, createUnit, photo } from "../../support/fixtures";
import { completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("a customer requesting a repair", () => {
  const world = useWorld();

  it("sees the estimate upfront, with its explanation, before submitting", async () => {
    const unit = await createUnit(world.db, world.acme.id, "R-1");
    const estimate = await callerFor(world.db, world.carla).repair.estimateForUnit({ unitId: unit.id, breaks: 3 });
    expect(estimate.totalCents).toBe(12_500);
    expect(estimate.lines.map((l) => l.cents)).toEqual([5000, 4000, 3500]);
    expect(estimate.lines[0]!.explanation).toContain("$50.00");
    expect(estimate).toMatchObject({ unitId: unit.id, windshieldSeq: 1, rulesVersion: 0 });
  });

  it("is the approval itself: REQUESTED, unassigned, approval fact REQUEST, audited", async () => {
    const unit = await createUnit(world.db, world.acme.id, "R-2");
    await completedRepair(world.db, world, "R-2");
    const id = randomUUID();
    const repair = await callerFor(world.db, world.carla).repair.request({
      id,
      unitId: unit.id,
      damageType: "CRACK",
      customerNotes: "driver side, low",
      attachments: [photo("DAMAGE")],
    });
    expect(repair).toMatchObject({
      id,
      status: "REQUESTED",
      origin: "CUSTOMER_REQUEST",
      technicianId: null,
      estimateCents: 4000,
      approvalKind: "REQUEST",
      approvedById: world.carla.userId,
      approvalReason: "requested at the estimate shown: $40.00",
    });
    expect(repair).not.toHaveProperty("technicianNotes");
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({
      action: "repair.request",
      actorId: world.carla.userId,
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
    });
    expect(audit.changes).toMatchObject({
      status: { before: null, after: "REQUESTED" },
      approvalKind: { before: null, after: "REQUEST" },
    });
  });

  it("is idempotent by its client id", async () => {
    const unit = await createUnit(world.db, world.acme.id, "R-3");
    const input = { id: randomUUID(), unitId: unit.id, damageType: "CHIP" as const };
    const carla = callerFor(world.db, world.carla);
    expect(await carla.repair.request(input)).toEqual(await carla.repair.request(input));
    expect(await world.db.auditLog.count({ where: { entityId: input.id } })).toBe(1);
  });

  it("reaches only the customer's own units (another company's unit is not found)", async () => {
    const theirs = await createUnit(world.db, world.globex.id, "G-1");
    const carla = callerFor(world.db, world.carla);
    await expect(
      carla.repair.request({ id: randomUUID(), unitId: theirs.id, damageType: "CHIP" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(carla.repair.estimateForUnit({ unitId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("checks its photos' types as a capture does", async () => {
    const unit = await createUnit(world.db, world.acme.id, "R-9");
    const carla = callerFor(world.db, world.carla);
    for (const mimeType of ["text/html", "image/jpeg; <b>"]) {
      await expect(
        carla.repair.request({
          id: randomUUID(),
          unitId: unit.id,
          damageType: "CHIP",
          attachments: [{ ...photo("DAMAGE"), mimeType }],
        }),
      ).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", cause: { code: "WRONG_FILE_TYPE" } });
    }
    expect(await world.db.repair.count({ where: { unitId: unit.id } })).toBe(0);
  });

  it("may be made by an admin for a customer, not by a technician", async () => {
    const unit = await createUnit(world.db, world.acme.id, "R-4");
    const made = await callerFor(world.db, world.admin).repair.request({
      id: randomUUID(),
      unitId: unit.id,
      damageType: "CHIP",
    });
    expect(made).toMatchObject({ customerId: world.acme.id, status: "REQUESTED" });
    await expect(
      callerFor(world.db, world.tina).repair.request({ id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
