import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { callerFor, photo } from "../../support/fixtures";
import { captureServerLog } from "../../support/server-log";
import { completedRepair } from "../../support/repair-flows";
import { DEVICE_ID, type Mutation, push, repairCapture, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

/** A database whose first transaction fails the way a dropped connection does. */
function failingOnce(db: Db): Db {
  let failed = false;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "$transaction" && !failed) {
        failed = true;
        return () => Promise.reject(new Error("Connection terminated unexpectedly"));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

describe("sync.push: a device's queued mutations", () => {
  const world = useWorld();

  beforeAll(async () => {
    await completedRepair(world.db, world, "H-1"); // one repair done: the next one is the 2nd tier
  });

  describe("a walk with three repairs", () => {
    const walkId = randomUUID();
    let batch: Mutation[];
    let first: Awaited<ReturnType<typeof push>>;

    beforeAll(async () => {
      const walk = { id: walkId, customerId: world.acme.id };
      batch = [
        walkStart(world.acme.id, walkId),
        repairCapture(walk, { unitNumber: "H-1", deviceEstimateCents: 4000, deviceAutoApproved: true }),
        repairCapture(walk, {
          unitNumber: "NEW-1",
          attachments: [],
          deviceEstimateCents: 5000,
          deviceAutoApproved: false,
        }),
        repairCapture(walk, { unitNumber: "NEW-2", deviceEstimateCents: 3000, deviceAutoApproved: true }),
      ];
      first = await callerFor(world.db, world.tina).sync.push({ deviceId: DEVICE_ID, mutations: batch });
    });

    it("starts the walk and records three repairs with the server's prices and statuses", async () => {
      expect(first.results.map((r) => [r.id, r.type, r.ok])).toEqual(batch.map((m) => [m.id, m.type, true]));
      expect(first.results[0]).toMatchObject({
        data: { id: walkId, status: "IN_PROGRESS", technicianId: world.tina.technicianId, startAccuracyM: 6 },
      });
      const repairs = first.results.slice(1).map((r) => (r.ok ? (r.data as Record<string, unknown>) : null));
      expect(repairs).toMatchObject([
        {
          status: "APPROVED",
          estimateCents: 4000,
          estimateOrdinal: 2,
          approvalKind: "AUTO",
          flaggedReason: null,
          walkId,
        },
        { status: "PENDING_APPROVAL", estimateCents: 5000, approvalKind: null, flaggedReason: null },
        {
          status: "APPROVED",
          estimateCents: 5000,
          flaggedReason: expect.stringContaining("the device estimated $30.00, the server priced $50.00"),
        },
      ]);
      expect(await world.db.repair.count({ where: { walkId } })).toBe(3);
      expect(first.serverMs).toBeGreaterThanOrEqual(0);
    });

    it("records when the technician's device last synced", async () => {
      const technician = await world.db.technician.findUniqueOrThrow({ where: { id: world.tina.technicianId } });
      expect(technician.lastSyncAt).toBeInstanceOf(Date);
      expect(Date.now() - technician.lastSyncAt!.getTime()).toBeLessThan(60_000);
    });

    it("answers a replayed batch with the first results, creating no record or audit entry", async () => {
      const counts = async () => ({
        repairs: await world.db.repair.count(),
        units: await world.db.unit.count(),
        walks: await world.db.lotWalk.count(),
        attachments: await world.db.attachment.count(),
        audit: await world.db.auditLog.count(),
      });
      const before = await counts();
      const again = await callerFor(world.db, world.tina).sync.push({ deviceId: DEVICE_ID, mutations: batch });
      expect(again.results).toEqual(first.results);
      expect(await counts()).toEqual(before);
    });
  });

  it("runs every mutation of a batch: refusals carry the rule's code, the others succeed", async () => {
    const walk = world.walk;
    const theosWalk = await world.db.lotWalk.create({
      data: {
        id: randomUUID(),
        customerId: world.acme.id,
        technicianId: world.theo.technicianId,
        status: "IN_PROGRESS",
      },
    });
    const batch = [
      repairCapture(walk, { unitNumber: "MIX-1" }),
      repairCapture(walk, { unitNumber: "MIX-2", damageType: "SCRATCH" as never }),
      repairCapture(theosWalk, { unitNumber: "MIX-3" }),
      repairCapture({ id: walk.id, customerId: world.globex.id }, { unitNumber: "MIX-4" }),
      repairCapture(walk, { unitNumber: "MIX-5", attachments: [{ ...photo("DAMAGE"), mimeType: "text/html" }] }),
      repairCapture(walk, { unitNumber: "MIX-6", attachments: [{ ...photo("DAMAGE"), sizeBytes: 9 * 1024 * 1024 }] }),
      {
        ...walkStart(world.globex.id),
        payload: { id: randomUUID(), customerId: world.globex.id, technicianId: world.theo.technicianId },
      },
      repairCapture(walk, { unitNumber: "MIX-7" }),
    ];
    const { results } = await push(world.db, world.tina, batch);
    const outcome = results.map((r) => (r.ok ? "ok" : `${r.code}${r.retryable ? " (retry)" : ""}`));
    expect(outcome).toEqual([
      "ok",
      "BAD_INPUT",
      "NOT_YOURS",
      "FORBIDDEN",
      "WRONG_FILE_TYPE",
      "FILE_TOO_LARGE",
      "NOT_YOURS",
      "ok",
    ]);
    expect(results.map((r) => r.id)).toEqual(batch.map((m) => m.id));
    const refusal = results[1]!;
    expect(!refusal.ok && refusal.message).toMatch(/damageType/);
    const units = await world.db.unit.findMany({
      where: { unitNumber: { startsWith: "MIX-" } },
      select: { unitNumber: true },
      orderBy: { unitNumber: "asc" },
    });
    expect(units.map((u) => u.unitNumber)).toEqual(["MIX-1", "MIX-7"]);
  });

  it("prices each capture from the history as it stands, also after a completion earlier in the batch", async () => {
    const fixedNow = { completedOnSpot: { completedAt: new Date() }, attachments: [photo("DAMAGE"), photo("AFTER")] };
    const late = { id: randomUUID(), customerId: world.acme.id };
    const { results } = await push(world.db, world.tina, [
      repairCapture(late, { unitNumber: "SPOT-1" }), // its walk starts only later in the batch
      walkStart(late.customerId, late.id),
      repairCapture(late, { unitNumber: "SPOT-1", ...fixedNow }),
      repairCapture(late, { unitNumber: "SPOT-1" }),
    ]);
    expect(
      results.map((r) => (r.ok ? (r.data as { status: string; estimateCents: number }) : [r.code, r.retryable])),
    ).toMatchObject([
      ["WALK_NOT_SYNCED", true],
      { status: "IN_PROGRESS" },
      { status: "COMPLETED", estimateCents: 5000 },
      { status: "APPROVED", estimateCents: 4000 },
    ]);
  });

  it("marks unexpected failures retryable, and keeps a failed walk's repairs queued behind it", async () => {
    const walk = { id: randomUUID(), customerId: world.acme.id };
    const batch = [
      walkStart(walk.customerId, walk.id),
      repairCapture(walk, { unitNumber: "LATER-1" }),
      repairCapture(world.walk, { unitNumber: "NOW-1" }),
    ];
    const log = captureServerLog();
    const { results } = await push(failingOnce(world.db), world.tina, batch).finally(log.restore);
    // Unexpected failures are logged for the operator.
    expect(log.lines.filter((line) => line.level === "error")).toHaveLength(1);
    expect(results.map((r) => (r.ok ? "ok" : [r.code, r.retryable]))).toEqual([
      ["SERVER_ERROR", true],
      ["WALK_NOT_SYNCED", true],
      "ok",
    ]);

    const retried = await push(world.db, world.tina, batch);
    expect(retried.results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(retried.results[2]).toEqual(results[2]);
  });

  it("records everything once when two syncs of one device run at once (foreground and background)", async () => {
    const walk = { id: randomUUID(), customerId: world.acme.id };
    const batch = [
      walkStart(walk.customerId, walk.id),
      ...["TWICE-1", "TWICE-2", "TWICE-1"].map((unitNumber) => repairCapture(walk, { unitNumber })),
    ];
    const [a, b] = await Promise.all([push(world.db, world.tina, batch), push(world.db, world.tina, batch)]);
    expect(a.results.map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(b.results).toEqual(a.results);
    expect(await world.db.repair.count({ where: { walkId: walk.id } })).toBe(3);
    expect(await world.db.unit.count({ where: { unitNumber: { startsWith: "TWICE-" } } })).toBe(2);
    expect(
      await world.db.auditLog.count({
        where: {
          action: "repair.capture",
          entityId: { in: batch.slice(1).map((m) => (m.payload as { id: string }).id) },
        },
      }),
    ).toBe(3);
  });

  it("takes 1 to 50 mutations from staff only", async () => {
    const tina = callerFor(world.db, world.tina);
    await expect(tina.sync.push({ deviceId: DEVICE_ID, mutations: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const tooMany = Array.from({ length: 51 }, () => repairCapture(world.walk));
    await expect(tina.sync.push({ deviceId: DEVICE_ID, mutations: tooMany })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      callerFor(world.db, world.carla).sync.push({ deviceId: DEVICE_ID, mutations: [repairCapture(world.walk)] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
