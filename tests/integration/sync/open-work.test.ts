// Assign to Me on the phone: prepare lists the unassigned work (requests, approved finds) at the
// customers the technician may serve, never at one that blocked them; the claim itself needs the
// network (repair.claim), and the next prepare has the repair in My work instead.
import { describe, expect, it } from "vitest";
import { callerFor, contextFor } from "../../support/fixtures";
import { requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";
import { assignRepair } from "~/server/services/repairs/assign-repair";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";

describe("open work on the phone (Assign to Me)", () => {
  const world = useWorld();
  const prepared = (who: typeof world.tina) => prepareSnapshot(world.db, contextFor(who));

  it("lists unassigned requests where the technician may serve; a claimed one moves into My work", async () => {
    const open = await requested(world.db, world, "OW-1");
    const assigned = await requested(world.db, world, "OW-2");
    await assignRepair(world.db, contextFor(world.admin), {
      repairId: assigned.id,
      technicianId: world.theo.technicianId,
    });
    const before = await prepared(world.tina);
    expect(before.openWork.map((w) => w.id)).toContain(open.id);
    expect(before.openWork.map((w) => w.id)).not.toContain(assigned.id);
    expect(before.openWork.find((w) => w.id === open.id)).toMatchObject({
      status: "REQUESTED",
      origin: "CUSTOMER_REQUEST",
      customerName: "Acme Rentals",
      unitNumber: "OW-1",
      estimateCents: 5000,
    });
    expect(before.myWork.map((w) => w.id)).not.toContain(open.id);

    const claimed = await callerFor(world.db, world.tina).repair.claim({ repairId: open.id });
    expect(claimed).toMatchObject({ status: "ASSIGNED", technicianId: world.tina.technicianId });
    const after = await prepared(world.tina);
    expect(after.openWork.map((w) => w.id)).not.toContain(open.id);
    expect(after.myWork.find((w) => w.id === open.id)).toMatchObject({ status: "ASSIGNED" });
    // Theo no longer sees it open, and cannot take it.
    expect((await prepared(world.theo)).openWork.map((w) => w.id)).not.toContain(open.id);
    await expect(callerFor(world.db, world.theo).repair.claim({ repairId: open.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("never lists work at a customer that blocked the technician, and the claim is refused there", async () => {
    const open = await requested(world.db, world, "OW-3");
    await world.db.customer.update({
      where: { id: world.acme.id },
      data: { blockedTechnicians: { connect: { id: world.theo.technicianId } } },
    });
    try {
      expect((await prepared(world.theo)).openWork.map((w) => w.id)).not.toContain(open.id);
      expect((await prepared(world.tina)).openWork.map((w) => w.id)).toContain(open.id);
      await expect(callerFor(world.db, world.theo).repair.claim({ repairId: open.id })).rejects.toMatchObject({
        cause: { code: "TECHNICIAN_BLOCKED" },
      });
    } finally {
      await world.db.customer.update({
        where: { id: world.acme.id },
        data: { blockedTechnicians: { disconnect: { id: world.theo.technicianId } } },
      });
    }
  });
});
