// The quick actions a technician may take offline (docs/sync-protocol.md §2): Mark as Urgent,
// Create Follow-up and Request Parts, queued on the phone and sent through sync.push. Each is
// idempotent on its client id, checked for ownership and for the repair's state as online.
import { describe, expect, it } from "vitest";
import { contextFor } from "../../support/fixtures";
import { requested } from "../../support/repair-flows";
import { type Mutation, mutation, push } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";
import { assignRepair } from "~/server/services/repairs/assign-repair";
import { cancelRepair } from "~/server/services/repairs/cancel-repair";

const DAY = 24 * 60 * 60 * 1000;
/** A queued change carries its own client id in its payload, as the device sends it. */
const queued = (type: "repair.markUrgent" | "repair.followUp" | "repair.requestParts", payload: object): Mutation => {
  const m = mutation(type, payload);
  return { ...m, payload: { id: m.id, ...payload } };
};
const urgent = (repairId: string, on = true) => queued("repair.markUrgent", { repairId, urgent: on });
const followUp = (repairId: string, dueAt = new Date(Date.now() + 7 * DAY)) =>
  queued("repair.followUp", { repairId, dueAt, note: "Crack spreading: check next week" });
const parts = (repairId: string, quantity = 2) =>
  queued("repair.requestParts", { repairId, item: "Bridge resin", quantity, note: "", urgency: "URGENT" });

describe("quick actions queued offline, through sync.push", () => {
  const world = useWorld();

  /** Carla's request, assigned to Tina by her manager Maya. */
  async function assignedToTina(unitNumber: string) {
    const repair = await requested(world.db, world, unitNumber);
    await assignRepair(world.db, contextFor(world.maya), {
      repairId: repair.id,
      technicianId: world.tina.technicianId,
    });
    return repair;
  }

  it("Mark as Urgent: applied once, audited once; a replay answers the same even after the office cleared it", async () => {
    const repair = await assignedToTina("QO-1");
    const batch = [urgent(repair.id)];
    const first = await push(world.db, world.tina, batch);
    expect(first.results[0]).toMatchObject({ ok: true, type: "repair.markUrgent", data: { urgent: true } });
    const audits = () => world.db.auditLog.count({ where: { entityId: repair.id, action: "repair.markUrgent" } });
    expect(await audits()).toBe(1);
    // The office clears it; the device's lost answer makes it send the batch again.
    await world.db.repair.update({ where: { id: repair.id }, data: { urgent: false } });
    const again = await push(world.db, world.tina, batch);
    expect(again.results[0]).toMatchObject({ ok: true, type: "repair.markUrgent" });
    expect(await audits()).toBe(1);
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).urgent).toBe(false);
    expect(await world.db.repairChange.count({ where: { repairId: repair.id, kind: "markUrgent" } })).toBe(1);
  });

  it("Mark as Urgent: another technician's repair is not found; a change id reused for another repair is refused", async () => {
    const repair = await assignedToTina("QO-2");
    const theos = await push(world.db, world.theo, [urgent(repair.id)]);
    expect(theos.results[0]).toMatchObject({ ok: false, code: "NOT_FOUND", retryable: false });
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).urgent).toBe(false);

    const first = await push(world.db, world.tina, [urgent(repair.id)]);
    const other = await assignedToTina("QO-3");
    const reused = { ...urgent(other.id), id: first.results[0]!.id };
    reused.payload = { ...(reused.payload as object), id: reused.id };
    const refused = await push(world.db, world.tina, [reused]);
    expect(refused.results[0]).toMatchObject({ ok: false, code: "ID_IN_USE", retryable: false });
  });

  it("Create Follow-up: one new repair linked to the original, whatever the replays; a past due date and a cancelled repair are refused", async () => {
    const repair = await assignedToTina("QO-4");
    const batch = [followUp(repair.id)];
    const first = await push(world.db, world.tina, batch);
    expect(first.results[0]).toMatchObject({
      ok: true,
      type: "repair.followUp",
      data: { followUpOfId: repair.id, status: "PENDING_APPROVAL", technicianId: world.tina.technicianId },
    });
    const again = await push(world.db, world.tina, batch);
    expect(again.results[0]).toMatchObject({ ok: true, data: { id: (batch[0]!.payload as { id: string }).id } });
    expect(await world.db.repair.count({ where: { followUpOfId: repair.id } })).toBe(1);

    const late = await push(world.db, world.tina, [followUp(repair.id, new Date(Date.now() - 3 * DAY))]);
    expect(late.results[0]).toMatchObject({ ok: false, code: "INVALID_FOLLOW_UP", retryable: false });
    const theos = await push(world.db, world.theo, [followUp(repair.id)]);
    expect(theos.results[0]).toMatchObject({ ok: false, code: "NOT_FOUND", retryable: false });

    const withdrawn = await requested(world.db, world, "QO-5");
    await cancelRepair(world.db, contextFor(world.carla), { repairId: withdrawn.id, reason: "sold the truck" });
    const onCancelled = await push(world.db, world.maya, [followUp(withdrawn.id)]);
    expect(onCancelled.results[0]).toMatchObject({ ok: false, retryable: false });
    expect(await world.db.repair.count({ where: { followUpOfId: { in: [withdrawn.id] } } })).toBe(0);
    expect(await world.db.repair.count({ where: { followUpOfId: repair.id } })).toBe(1);
  });

  it("Request Parts: the request keeps the device's id, a replay creates nothing twice; quantities 0 and 10,000 are refused", async () => {
    const repair = await assignedToTina("QO-6");
    const batch = [parts(repair.id)];
    const id = (batch[0]!.payload as { id: string }).id;
    const first = await push(world.db, world.tina, batch);
    expect(first.results[0]).toMatchObject({
      ok: true,
      type: "repair.requestParts",
      data: { id, item: "Bridge resin", quantity: 2, status: "REQUESTED", repair: { id: repair.id } },
    });
    const again = await push(world.db, world.tina, batch);
    expect(again.results[0]).toMatchObject({ ok: true, data: { id } });
    expect(await world.db.partsRequest.count({ where: { repairId: repair.id } })).toBe(1);
    expect(await world.db.auditLog.count({ where: { entityId: id } })).toBe(1);

    const bad = await push(world.db, world.tina, [parts(repair.id, 0), parts(repair.id, 10_000)]);
    expect(bad.results.map((r) => !r.ok && r.code)).toEqual(["INVALID_PARTS_REQUEST", "INVALID_PARTS_REQUEST"]);
    expect(bad.results.every((r) => !r.ok && !r.retryable)).toBe(true);
    expect(await world.db.partsRequest.count({ where: { repairId: repair.id } })).toBe(1);
  });

  it("Request Parts: another technician's repair is not found, and a request id reused by someone else is refused", async () => {
    const repair = await assignedToTina("QO-7");
    const theos = await push(world.db, world.theo, [parts(repair.id)]);
    expect(theos.results[0]).toMatchObject({ ok: false, code: "NOT_FOUND", retryable: false });
    const first = await push(world.db, world.tina, [parts(repair.id)]);
    const id = first.results[0]!.ok ? first.results[0]!.data.id : "";
    const copied = queued("repair.requestParts", { repairId: repair.id, item: "Resin", quantity: 1 });
    copied.payload = { ...(copied.payload as object), id };
    const refused = await push(world.db, world.maya, [copied]);
    expect(refused.results[0]).toMatchObject({ ok: false, code: "ID_IN_USE", retryable: false });
    expect(await world.db.partsRequest.count({ where: { repairId: repair.id } })).toBe(1);
  });

  it("a queued quick action without its client id is refused as malformed, never applied", async () => {
    const repair = await assignedToTina("QO-8");
    const bare = mutation("repair.markUrgent", { repairId: repair.id, urgent: true });
    const refused = await push(world.db, world.tina, [bare]);
    expect(refused.results[0]).toMatchObject({ ok: false, retryable: false });
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).urgent).toBe(false);
  });
});
