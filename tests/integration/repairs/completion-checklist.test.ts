// The customer's completion checklist (fleet settings): the admin keeps it, prepare hands it
// to the phone with My work, and a completion, online or through sync.push, confirms every item
// of the list as it stands at completion; the confirmed items are stored with the repair and
// audited. An item added after the phone was prepared is refused by name (completion-checklist.ts).
import { describe, expect, it } from "vitest";
import { callerFor, contextFor, photo } from "../../support/fixtures";
import { capture, requested } from "../../support/repair-flows";
import { type Mutation, mutation, push } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";
import { assignRepair } from "~/server/services/repairs/assign-repair";
import { startRepair } from "~/server/services/repairs/start-repair";
import { updateFleetSettings } from "~/server/services/customers/update-fleet-settings";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";

const CHECKLIST = ["Resin cured under UV", "Pit filled and polished", "Customer shown the result"];
const ticked = (items: readonly string[], confirmedAt = new Date(Date.now() - 40_000)) =>
  items.map((item) => ({ item, confirmedAt }));

const completion = (repairId: string, checklist: Array<{ item: string; confirmedAt?: Date }>): Mutation => {
  const m = mutation("repair.complete", {});
  return {
    ...m,
    payload: {
      id: m.id,
      repairId,
      completedAt: new Date(Date.now() - 30_000),
      attachments: [photo("AFTER")],
      checklist,
    },
  };
};

describe("the completion checklist", () => {
  const world = useWorld();

  const setChecklist = (completionChecklist: string[]) =>
    updateFleetSettings(world.db, contextFor(world.admin), { customerId: world.acme.id, completionChecklist });

  /** Carla's request on a new unit, assigned to Tina and started. */
  async function inProgress(unitNumber: string) {
    const repair = await requested(world.db, world, unitNumber);
    await assignRepair(world.db, contextFor(world.maya), {
      repairId: repair.id,
      technicianId: world.tina.technicianId,
    });
    await startRepair(world.db, contextFor(world.tina), { repairId: repair.id });
    return repair;
  }

  it("is kept by the admin in the fleet settings, checked, versioned and audited", async () => {
    const before = await callerFor(world.db, world.admin).admin.customer({ customerId: world.acme.id });
    const saved = await setChecklist(["  Resin cured under UV", "", ...CHECKLIST.slice(1)]);
    expect(saved.completionChecklist).toEqual(CHECKLIST);
    expect(saved.settingsVersion).toBe(before.settings.settingsVersion + 1);
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: world.acme.id, action: "customer.updateFleetSettings" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.changes).toMatchObject({ completionChecklist: { before: [], after: CHECKLIST } });
    // The same list again changes nothing.
    expect((await setChecklist(CHECKLIST)).settingsVersion).toBe(saved.settingsVersion);

    const admin = callerFor(world.db, world.admin).admin;
    const tooMany = Array.from({ length: 13 }, (_, i) => `Step ${i + 1}`);
    await expect(
      admin.updateFleetSettings({ customerId: world.acme.id, completionChecklist: tooMany }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { code: "INVALID_CHECKLIST" } });
    await expect(
      admin.updateFleetSettings({ customerId: world.acme.id, completionChecklist: ["x".repeat(121)] }),
    ).rejects.toMatchObject({ cause: { code: "INVALID_CHECKLIST" } });
    // A technician may not change it.
    await expect(
      callerFor(world.db, world.tina).admin.updateFleetSettings({ customerId: world.acme.id, completionChecklist: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("online: refuses a completion missing an item, then stores and audits the confirmed items", async () => {
    await setChecklist(CHECKLIST);
    const repair = await inProgress("CL-1");
    const tina = callerFor(world.db, world.tina).repair;
    await expect(
      tina.complete({ repairId: repair.id, attachments: [photo("AFTER")], checklist: ticked(CHECKLIST.slice(0, 2)) }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "CHECKLIST_INCOMPLETE", missing: ["Customer shown the result"] },
    });
    await expect(tina.complete({ repairId: repair.id, attachments: [photo("AFTER")] })).rejects.toMatchObject({
      cause: { code: "CHECKLIST_INCOMPLETE" },
    });
    const still = await world.db.repair.findUniqueOrThrow({ where: { id: repair.id }, include: { attachments: true } });
    expect(still).toMatchObject({ status: "IN_PROGRESS", priceCents: null, completionChecklist: null });
    expect(still.attachments).toEqual([]);

    const at = new Date(Date.now() - 45_000);
    const done = await tina.complete({
      repairId: repair.id,
      attachments: [photo("AFTER")],
      checklist: ticked([...CHECKLIST].reverse(), at),
    });
    const stored = [...CHECKLIST].reverse().map((item) => ({ item, confirmedAt: at.toISOString() }));
    expect(done).toMatchObject({ status: "COMPLETED", priceCents: 5000, completionChecklist: stored });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: repair.id, action: "repair.complete" },
    });
    expect(audit.changes).toMatchObject({ completionChecklist: { before: null, after: stored } });
    // The office reads it on the repair.
    const seen = await callerFor(world.db, world.maya).repair.byId({ id: repair.id });
    expect(seen).toMatchObject({ completionChecklist: stored });
  });

  it("sync: prepare carries the checklist; a missing item is refused for good, all items accepted, a replay answers the same", async () => {
    await setChecklist(CHECKLIST);
    const repair = await inProgress("CL-2");
    const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
    expect(snapshot.myWork.find((w) => w.id === repair.id)).toMatchObject({ completionChecklist: CHECKLIST });

    const short = await push(world.db, world.tina, [completion(repair.id, ticked(CHECKLIST.slice(1)))]);
    expect(short.results[0]).toMatchObject({ ok: false, code: "CHECKLIST_INCOMPLETE", retryable: false });
    expect(!short.results[0]!.ok && short.results[0]!.message).toContain("Resin cured under UV");

    const batch = [completion(repair.id, ticked(CHECKLIST))];
    const first = await push(world.db, world.tina, batch);
    expect(first.results[0]).toMatchObject({ ok: true, data: { status: "COMPLETED", priceCents: 5000 } });
    const stored = await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } });
    expect(stored.completionChecklist).toEqual(
      CHECKLIST.map((item) => ({ item, confirmedAt: expect.any(String) as string })),
    );
    const audits = await world.db.auditLog.count({ where: { entityId: repair.id } });
    const again = await push(world.db, world.tina, batch);
    expect(again.results[0]).toMatchObject({ ok: true, data: { status: "COMPLETED" } });
    expect(await world.db.auditLog.count({ where: { entityId: repair.id } })).toBe(audits);
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).completionChecklist).toEqual(
      stored.completionChecklist,
    );
  });

  it("checks the list as it stands at completion: an item added after prepare is refused by name, one removed is kept", async () => {
    await setChecklist(CHECKLIST);
    const added = await inProgress("CL-3");
    const removed = await inProgress("CL-4");
    // The phone was prepared with CHECKLIST; then the admin adds an item.
    await setChecklist([...CHECKLIST, "Sticker on the windshield"]);
    const refused = await push(world.db, world.tina, [completion(added.id, ticked(CHECKLIST))]);
    expect(refused.results[0]).toMatchObject({ ok: false, code: "CHECKLIST_INCOMPLETE", retryable: false });
    expect(!refused.results[0]!.ok && refused.results[0]!.message).toMatch(
      /changed since this phone was prepared.*"Sticker on the windshield"/,
    );
    // Then the admin shortens it: what the device confirmed covers it and is stored whole.
    await setChecklist(CHECKLIST.slice(0, 1));
    const accepted = await push(world.db, world.tina, [completion(removed.id, ticked(CHECKLIST))]);
    expect(accepted.results[0]).toMatchObject({ ok: true, data: { status: "COMPLETED" } });
    const stored = await world.db.repair.findUniqueOrThrow({ where: { id: removed.id } });
    expect((stored.completionChecklist as Array<{ item: string }>).map((c) => c.item)).toEqual(CHECKLIST);
  });

  it("a customer without a checklist completes as before, storing none", async () => {
    await setChecklist([]);
    const repair = await inProgress("CL-5");
    const done = await callerFor(world.db, world.tina).repair.complete({
      repairId: repair.id,
      attachments: [photo("AFTER")],
    });
    expect(done).toMatchObject({ status: "COMPLETED", completionChecklist: null });
  });

  it("a template's checklist joins the customer's: prepare hands one list, the completion confirms all of it (each item once)", async () => {
    await setChecklist(CHECKLIST);
    const repair = await inProgress("CL-6");
    // Captured with a template (or a manager applied one): its checklist is on the repair.
    const template = ["Glass cleaned", "Resin cured under UV", "Sticker on the windshield"];
    await world.db.repair.update({
      where: { id: repair.id },
      data: { checklist: template.map((label) => ({ label, done: false })) },
    });
    const combined = [...CHECKLIST, "Glass cleaned", "Sticker on the windshield"];
    const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
    expect(snapshot.myWork.find((w) => w.id === repair.id)).toMatchObject({ completionChecklist: combined });

    const customerOnly = await push(world.db, world.tina, [completion(repair.id, ticked(CHECKLIST))]);
    expect(customerOnly.results[0]).toMatchObject({ ok: false, code: "CHECKLIST_INCOMPLETE", retryable: false });
    expect(!customerOnly.results[0]!.ok && customerOnly.results[0]!.message).toMatch(
      /"Glass cleaned", "Sticker on the windshield"/,
    );
    const all = await push(world.db, world.tina, [completion(repair.id, ticked(combined))]);
    expect(all.results[0]).toMatchObject({ ok: true, data: { status: "COMPLETED" } });
    const stored = await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } });
    expect((stored.completionChecklist as Array<{ item: string }>).map((c) => c.item)).toEqual(combined);
    expect(stored.checklist).toEqual(template.map((label) => ({ label, done: true })));
  });

  it("an old repair stored with a malformed template checklist still reads and completes on the customer's list", async () => {
    await setChecklist(CHECKLIST.slice(0, 1));
    const repair = await inProgress("CL-7");
    await world.db.repair.update({ where: { id: repair.id }, data: { checklist: { not: "a list" } } });
    const done = await push(world.db, world.tina, [completion(repair.id, ticked(CHECKLIST.slice(0, 1)))]);
    expect(done.results[0]).toMatchObject({ ok: true, data: { status: "COMPLETED" } });
  });

  it("a capture completed on the spot is checked against the checklist too: refused naming the missing items, stored when ticked", async () => {
    await setChecklist(CHECKLIST.slice(0, 2));
    const spot = (unitNumber: string, checklist: Array<{ item: string; confirmedAt?: Date }>) =>
      capture(world.db, world, {
        unitNumber,
        attachments: [photo("DAMAGE"), photo("AFTER")],
        deviceAutoApproved: true,
        deviceEstimateCents: 5000,
        completedOnSpot: { completedAt: new Date(Date.now() - 10_000), checklist },
      });
    await expect(spot("CL-8", ticked(CHECKLIST.slice(0, 1)))).rejects.toMatchObject({
      code: "CHECKLIST_INCOMPLETE",
      missing: ["Pit filled and polished"],
    });
    expect(await world.db.repair.count({ where: { unit: { unitNumber: "CL-8" } } })).toBe(0);
    const done = await spot("CL-9", ticked(CHECKLIST.slice(0, 2)));
    expect(done).toMatchObject({ status: "COMPLETED" });
    expect((done.completionChecklist as Array<{ item: string }>).map((c) => c.item)).toEqual(CHECKLIST.slice(0, 2));
  });
});
