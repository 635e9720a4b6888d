import { describe, expect, it } from "vitest";
import { callerFor, createWalk } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("sync flags: settled by the decision they were about, resolved in bulk with one note", () => {
  const world = useWorld();

  /** A find the device auto-approved that the server sends for approval: flagged. */
  const flaggedFind = (unitNumber: string, by = world.tina, walk = world.walk) =>
    capture(
      world.db,
      world,
      { unitNumber, attachments: [], deviceAutoApproved: true, deviceEstimateCents: 5000 },
      by,
      walk,
    );

  it("closes a flag when its repair is approved or denied, and an undone approval opens it again", async () => {
    const [approved, denied] = [await flaggedFind("FS-1"), await flaggedFind("FS-2")];
    const maya = callerFor(world.db, world.maya);
    expect((await maya.manager.flagged()).repairs.map((r) => r.id).sort()).toEqual([approved.id, denied.id].sort());

    const [afterApproval] = await maya.repair.approve({ ids: [approved.id] });
    expect(afterApproval).toMatchObject({
      flagResolvedById: world.maya.userId,
      flagResolutionNote: "Settled by the approval",
    });
    await maya.repair.deny({ ids: [denied.id], reason: "windshield to be replaced" });
    expect((await maya.manager.flagged()).repairs).toEqual([]);
    expect(
      await world.db.auditLog.findFirstOrThrow({ where: { entityId: denied.id, action: "repair.deny" } }),
    ).toMatchObject({ changes: { flagResolutionNote: { before: null, after: "Settled by the denial" } } });

    await maya.manager.undoApproval({ ids: [approved.id] });
    expect((await maya.manager.flagged()).repairs.map((r) => r.id)).toEqual([approved.id]);
  });

  it("resolves nine flags with one note, all or none, each audited", async () => {
    const flags = [];
    for (let i = 1; i <= 9; i++) flags.push(await flaggedFind(`FB-${i}`));
    const theosWalk = await createWalk(world.db, world.acme.id, world.theo.technicianId);
    const outside = await flaggedFind("FB-OUT", world.theo, theosWalk);
    const maya = callerFor(world.db, world.maya);
    const ids = flags.map((f) => f.id);

    // One repair outside Maya's team: nothing is resolved.
    await expect(maya.manager.resolveFlags({ repairIds: [...ids, outside.id], note: "checked" })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await expect(maya.manager.resolveFlags({ repairIds: ids, note: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const openIds = async () =>
      (await maya.manager.flagged()).repairs.map((r) => r.id).filter((id) => ids.includes(id));
    expect(await openIds()).toHaveLength(9);

    const resolved = await maya.manager.resolveFlags({ repairIds: ids, note: "kept the server's prices" });
    expect(resolved.map((r) => r.flagResolutionNote)).toEqual(Array(9).fill("kept the server's prices"));
    expect(await openIds()).toEqual([]);
    expect(await world.db.auditLog.count({ where: { action: "repair.resolveFlag", entityId: { in: ids } } })).toBe(9);
    await expect(maya.manager.resolveFlags({ repairIds: ids, note: "again" })).rejects.toMatchObject({
      cause: { code: "FLAG_ALREADY_RESOLVED" },
    });
  });
});
