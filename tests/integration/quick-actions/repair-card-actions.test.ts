// The quick actions of a repair card that change the repair or send it: Assign to Me, Mark as
// Urgent, Send to Customer, Create Follow-up. Each: the role that may succeeds and is audited,
// one that may not is refused, and bad input is refused clearly.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { requestRepair } from "~/server/services/repairs/request-repair";
import { ORIGIN, callerFor, contextFor, createUnit } from "../../support/fixtures";
import { capture, requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

const DAY = 24 * 60 * 60 * 1000;

describe("repair card quick actions", () => {
  const world = useWorld();

  const auditOf = (entityId: string, action: string) =>
    world.db.auditLog.findFirstOrThrow({ where: { entityId, action } });

  async function globexRequest(unitNumber: string) {
    const unit = await createUnit(world.db, world.globex.id, unitNumber);
    return requestRepair(world.db, contextFor(world.gus), { id: randomUUID(), unitId: unit.id, damageType: "CHIP" });
  }

  describe("Assign to Me", () => {
    it("gives unassigned work to the technician who takes it, audited", async () => {
      const open = await requested(world.db, world, "AM-1");
      const taken = await callerFor(world.db, world.tina).repair.claim({ repairId: open.id });
      expect(taken).toMatchObject({ status: "ASSIGNED", technicianId: world.tina.technicianId });
      const audit = await auditOf(open.id, "repair.claim");
      expect(audit).toMatchObject({ actorId: world.tina.userId, ip: ORIGIN.ip });
      expect(audit.changes).toMatchObject({
        status: { before: "REQUESTED", after: "ASSIGNED" },
        technicianId: { before: null, after: world.tina.technicianId },
      });
    });

    it("refuses work someone already has, and describes nothing of work the technician may not see", async () => {
      const open = await requested(world.db, world, "AM-2");
      await callerFor(world.db, world.tina).repair.claim({ repairId: open.id });
      // Maya sees Tina's work: told it is taken. Theo does not: "not found".
      await expect(callerFor(world.db, world.maya).repair.claim({ repairId: open.id })).rejects.toMatchObject({
        code: "CONFLICT",
        message: 'cannot claim a repair that is "Assigned to technician"',
      });
      const foundByTina = await capture(world.db, world, { unitNumber: "AM-2B" });
      expect(foundByTina).toMatchObject({ status: "APPROVED", technicianId: world.tina.technicianId });
      await expect(callerFor(world.db, world.maya).repair.claim({ repairId: foundByTina.id })).rejects.toMatchObject({
        code: "CONFLICT",
        cause: { code: "ALREADY_ASSIGNED" },
      });
      await expect(callerFor(world.db, world.theo).repair.claim({ repairId: open.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });

    it("refuses a technician the customer has blocked, clearly, and leaves the work unassigned", async () => {
      await world.db.customer.update({
        where: { id: world.globex.id },
        data: { blockedTechnicians: { connect: { id: world.theo.technicianId } } },
      });
      const open = await globexRequest("AM-3");
      await expect(callerFor(world.db, world.theo).repair.claim({ repairId: open.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "this customer has blocked you from its lots",
        cause: { code: "TECHNICIAN_BLOCKED" },
      });
      expect((await world.db.repair.findUniqueOrThrow({ where: { id: open.id } })).technicianId).toBeNull();
      expect(await world.db.auditLog.count({ where: { entityId: open.id, action: "repair.claim" } })).toBe(0);
    });

    it("is not for an admin or a customer (no technician to give it to)", async () => {
      const open = await requested(world.db, world, "AM-4");
      await expect(callerFor(world.db, world.admin).repair.claim({ repairId: open.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(callerFor(world.db, world.carla).repair.claim({ repairId: open.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    });

    it("refuses work that is not waiting for a technician (pending approval)", async () => {
      const pending = await capture(world.db, world, { unitNumber: "AM-5", attachments: [] }, world.maya);
      await world.db.repair.update({ where: { id: pending.id }, data: { technicianId: null } });
      await expect(callerFor(world.db, world.tina).repair.claim({ repairId: pending.id })).rejects.toMatchObject({
        code: "CONFLICT",
        cause: { code: "NO_SUCH_TRANSITION" },
      });
    });
  });

  describe("Mark as Urgent", () => {
    it("marks the technician's own repair urgent (who, when, audited), and the manager's queues put it first", async () => {
      const first = await requested(world.db, world, "MU-1");
      const second = await requested(world.db, world, "MU-2");
      await callerFor(world.db, world.maya).repair.assign({
        repairId: second.id,
        technicianId: world.tina.technicianId,
      });
      const marked = await callerFor(world.db, world.tina).repair.markUrgent({ repairId: second.id });
      expect(marked).toMatchObject({ urgent: true, urgentById: world.tina.userId });
      expect(marked.urgentAt).toBeInstanceOf(Date);
      expect((await auditOf(second.id, "repair.markUrgent")).changes).toMatchObject({
        urgent: { before: false, after: true },
      });

      // Unassigned work: Maya marks the newer one urgent and it leads the waiting list.
      const third = await requested(world.db, world, "MU-3");
      await callerFor(world.db, world.maya).repair.markUrgent({ repairId: third.id });
      const waiting = (await callerFor(world.db, world.maya).manager.requestsWaiting()).repairs.map((r) => r.id);
      expect(waiting.indexOf(third.id)).toBe(0);
      expect(waiting).toContain(first.id);

      const cleared = await callerFor(world.db, world.maya).repair.markUrgent({ repairId: third.id, urgent: false });
      expect(cleared).toMatchObject({ urgent: false, urgentAt: null, urgentById: null });
      expect(await world.db.auditLog.count({ where: { entityId: third.id, action: "repair.clearUrgent" } })).toBe(1);
    });

    it("refuses a technician on work that is not theirs, and a customer", async () => {
      const open = await requested(world.db, world, "MU-4");
      await expect(callerFor(world.db, world.theo).repair.markUrgent({ repairId: open.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(callerFor(world.db, world.carla).repair.markUrgent({ repairId: open.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect((await world.db.repair.findUniqueOrThrow({ where: { id: open.id } })).urgent).toBe(false);
    });
  });

  describe("Send to Customer", () => {
    it("puts the repair's summary, estimate and photos in the customer's portal inbox, audited", async () => {
      const found = await capture(world.db, world, { unitNumber: "SC-1", damagePosition: "Passenger side" });
      const sent = await callerFor(world.db, world.tina).repair.sendToCustomer({
        repairId: found.id,
        message: "Found this chip on today's walk.",
      });
      expect(sent.content).toMatchObject({
        summary: "Chip on unit SC-1, Passenger side",
        estimateCents: 5000,
        photoIds: [expect.any(String)],
      });
      const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: sent.id } });
      expect(audit).toMatchObject({ action: "repair.sendToCustomer", actorId: world.tina.userId });

      const inbox = await callerFor(world.db, world.carla).portal.inbox();
      expect(inbox[0]).toMatchObject({
        repairId: found.id,
        sentBy: "Tina",
        message: "Found this chip on today's walk.",
        content: { summary: "Chip on unit SC-1, Passenger side" },
      });
      // Another company's inbox never shows it.
      expect((await callerFor(world.db, world.gus).portal.inbox()).map((e) => e.repairId)).not.toContain(found.id);
    });

    it("refuses a technician whose repair it is not, a customer, and a message with control characters", async () => {
      const found = await capture(world.db, world, { unitNumber: "SC-2" });
      await expect(callerFor(world.db, world.theo).repair.sendToCustomer({ repairId: found.id })).rejects.toMatchObject(
        { code: "NOT_FOUND" },
      );
      await expect(
        callerFor(world.db, world.carla).repair.sendToCustomer({ repairId: found.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        callerFor(world.db, world.tina).repair.sendToCustomer({ repairId: found.id, message: "bell\u0007" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await world.db.portalInboxEntry.count({ where: { repairId: found.id } })).toBe(0);
    });
  });

  describe("Create Follow-up", () => {
    it("creates new linked work on the same unit, due when asked, waiting for approval, audited; a replay makes no second", async () => {
      const original = await capture(world.db, world, { unitNumber: "FU-1" });
      const id = randomUUID();
      const dueAt = new Date(Date.now() + 14 * DAY);
      const input = { id, repairId: original.id, dueAt, note: "Check the crack has not spread." };
      const followUp = await callerFor(world.db, world.tina).repair.createFollowUp(input);
      expect(followUp).toMatchObject({
        id,
        followUpOfId: original.id,
        unitId: original.unitId,
        customerId: world.acme.id,
        technicianId: world.tina.technicianId,
        status: "PENDING_APPROVAL",
        origin: "STAFF",
        dueAt,
        technicianNotes: "Check the crack has not spread.",
      });
      expect(await auditOf(id, "repair.followUp")).toMatchObject({ actorId: world.tina.userId });
      await callerFor(world.db, world.tina).repair.createFollowUp(input);
      expect(await world.db.repair.count({ where: { followUpOfId: original.id } })).toBe(1);
    });

    it("refuses a past due date, an empty note, another's repair, and a customer", async () => {
      const original = await capture(world.db, world, { unitNumber: "FU-2" });
      const tina = callerFor(world.db, world.tina);
      const base = { repairId: original.id, dueAt: new Date(Date.now() + DAY), note: "look again" };
      await expect(
        tina.repair.createFollowUp({ ...base, id: randomUUID(), dueAt: new Date(Date.now() - 3 * DAY) }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { code: "INVALID_FOLLOW_UP" } });
      await expect(tina.repair.createFollowUp({ ...base, id: randomUUID(), note: "  " })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      await expect(
        callerFor(world.db, world.theo).repair.createFollowUp({ ...base, id: randomUUID() }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        callerFor(world.db, world.carla).repair.createFollowUp({ ...base, id: randomUUID() }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await world.db.repair.count({ where: { followUpOfId: original.id } })).toBe(0);
    });
  });
});
