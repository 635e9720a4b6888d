import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import type { Customer, LotWalk } from "~/server/db/generated/client";
import { type PushMode, pushMutations } from "~/server/services/sync/push-mutations";
import { markWindshieldReplaced } from "~/server/services/units/mark-windshield-replaced";
import { callerFor, contextFor, createCustomer, createWalk, photo } from "../../support/fixtures";
import { captureServerLog } from "../../support/server-log";
import { capture, finish } from "../../support/repair-flows";
import { DEVICE_ID, type Mutation, mutation, push, repairCapture, signature } from "../../support/sync-flows";
import { type WorldOnDatabase, useWorld } from "../../support/use-world";

/** `db` with its transactions counted; the first `failing` of them fail the way a dropped connection does. */
function watched(db: Db, failing = 0) {
  const transactions = { started: 0 };
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (property === "$transaction" && transactions.started++ < failing)
        return () => Promise.reject(new Error("Connection terminated unexpectedly"));
      return Reflect.get(target, property, receiver);
    },
  });
  return { db: proxy, transactions };
}

/** A customer's lot as both paths find it: the same settings, price list, history and walks. */
type Lot = {
  customer: Customer;
  walk: LotWalk;
  theosWalk: LotWalk;
  finishedWalk: LotWalk;
  cancelledWalk: LotWalk;
  storedByTina: string;
  storedByMaya: string;
};

async function newLot(world: WorldOnDatabase, name: string, at: Date): Promise<Lot> {
  const { db } = world;
  const customer = await createCustomer(db, name, {
    settings: { autoApproveLotRepairs: true, maxAutoApproveCents: 10_000, requirePhotoForApproval: true },
    // $60 first, the default second, a free third, the default after; 10% off from the 4th repair of the month.
    pricing: {
      useCustomPricing: true,
      repair1Cents: 6000,
      repair3Cents: 0,
      volumeDiscountThreshold: 4,
      volumeDiscountBasisPoints: 1000,
    },
  });
  const walk = await createWalk(db, customer.id, world.tina.technicianId);
  // History: two repairs completed on H-1, one on H-2, one on W-1 before its windshield was replaced.
  for (const unitNumber of ["H-1", "H-1", "H-2", "W-1"]) {
    const done = await capture(db, world, { unitNumber }, world.tina, walk);
    await finish(db, world.tina, done.id);
  }
  const w1 = await db.unit.findFirstOrThrow({ where: { customerId: customer.id, unitNumber: "W-1" } });
  await markWindshieldReplaced(db, contextFor(world.admin), { unitId: w1.id });
  const storedByTina = (
    await capture(db, world, { unitNumber: "S-1", capturedAt: at, attachments: [] }, world.tina, walk)
  ).id;
  const storedByMaya = (
    await capture(db, world, { unitNumber: "S-2", capturedAt: at, attachments: [] }, world.maya, walk)
  ).id;
  // Lowered since: a first-tier repair ($54 after the discount) now needs approval.
  await db.customer.update({ where: { id: customer.id }, data: { maxAutoApproveCents: 5000 } });
  const otherWalk = (technicianId: string, status: LotWalk["status"]) =>
    db.lotWalk.create({ data: { id: randomUUID(), customerId: customer.id, technicianId, status } });
  return {
    customer,
    walk,
    storedByTina,
    storedByMaya,
    theosWalk: await otherWalk(world.theo.technicianId, "IN_PROGRESS"),
    finishedWalk: await otherWalk(world.tina.technicianId, "COMPLETED"),
    cancelledWalk: await otherWalk(world.tina.technicianId, "CANCELLED"),
  };
}

/** One batch of every kind of capture, on `lot`: what a device could send after a long offline walk. */
function batchFor(world: WorldOnDatabase, lot: Lot, at: Date): Mutation[] {
  const on = (walk: { id: string }, customerId = lot.customer.id) => ({ id: walk.id, customerId });
  const find = (changes: Parameters<typeof repairCapture>[1], walk: { id: string } = lot.walk) =>
    repairCapture(on(walk), { capturedAt: at, ...changes });
  const jobs = [randomUUID(), randomUUID()] as const;
  const newWalk = { id: randomUUID() };
  const firstOfJob = find({
    unitNumber: "NEW-1",
    jobId: jobs[0],
    breakIndex: 0,
    deviceAutoApproved: true,
    deviceEstimateCents: 6000,
  });
  return [
    find({ unitNumber: "H-1", deviceEstimateCents: 5000, deviceAutoApproved: true }),
    ...[0, 1, 2].map((breakIndex) =>
      find({ unitNumber: "H-2", jobId: jobs[1], breakIndex, technicianNotes: `break ${breakIndex}` }),
    ),
    firstOfJob,
    find({ unitNumber: "NEW-1", jobId: jobs[0], breakIndex: 1, deviceEstimateCents: 3600 }),
    find({
      unitNumber: "NEW-2",
      attachments: [{ ...photo("DAMAGE"), kind: "VOICE", photoStage: undefined, mimeType: "audio/webm" }],
    }),
    find({ unitNumber: "W-1", latitude: 39.7, longitude: -105, gpsAccuracyM: 4, damagePosition: "driver side" }),
    find({ unitNumber: "NEW-3" }, lot.theosWalk),
    repairCapture(on(lot.walk, world.globex.id), { unitNumber: "NEW-4", capturedAt: at }),
    find({ unitNumber: "NEW-5", attachments: [{ ...photo("DAMAGE"), mimeType: "text/html" }] }),
    find({ unitNumber: "NEW-6", damageType: "SCRATCH" as never }),
    find({ unitNumber: "NEW-7" }, lot.finishedWalk),
    find({ unitNumber: "NEW-8" }, lot.cancelledWalk),
    find({ unitNumber: "NEW-9" }, { id: randomUUID() }),
    find({ id: lot.storedByTina, unitNumber: "S-1" }),
    find({ id: lot.storedByMaya, unitNumber: "S-2" }),
    find({ id: (firstOfJob.payload as { id: string }).id, unitNumber: "NEW-10" }), // the same record twice in one batch
    find({
      unitNumber: "H-1",
      attachments: [photo("DAMAGE"), photo("AFTER")],
      deviceAutoApproved: true,
      completedOnSpot: { completedAt: at },
    }),
    find({ unitNumber: "H-1", breakIndex: 0 }), // priced after the completion just before it
    mutation("walk.start", {
      id: newWalk.id,
      customerId: lot.customer.id,
      startedAt: at,
      latitude: 39.7,
      longitude: -105,
      accuracyM: 5,
    }),
    find({ unitNumber: "NEW-11" }, newWalk),
    mutation("walk.finish", {
      walkId: newWalk.id,
      endedAt: at,
      siteContactName: "Pat",
      signedSummary: { units: [{ unitNumber: "NEW-11", repairs: [] }], totalCents: 0 },
      signature: signature(),
    }),
    find({ unitNumber: "NEW-12" }, newWalk),
  ];
}

const OUTCOMES = [
  ...["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
  ...[
    "NOT_YOURS",
    "FORBIDDEN",
    "WRONG_FILE_TYPE",
    "BAD_INPUT",
    "WALK_COMPLETED",
    "WALK_CANCELLED",
    "WALK_NOT_SYNCED (retry)",
    "ok",
    "ID_IN_USE",
    "ok",
  ],
  ...["ok", "ok", "ok", "ok", "ok", "WALK_COMPLETED"],
];
const outcomes = (results: Awaited<ReturnType<typeof push>>["results"]) =>
  results.map((r) => (r.ok ? "ok" : `${r.code}${r.retryable ? " (retry)" : ""}`));

/** Every id of the lot, named by where it first appears, so that two lots compare field by field. */
function namer(lot: Lot, batch: Mutation[], units: { id: string; unitNumber: string }[]) {
  const names = new Map<string, string>();
  const visit = (value: unknown): void => {
    // Ids, and the random checksums of the attachments' metadata.
    if (typeof value === "string" && /^([0-9a-f]{8}-[0-9a-f]{4}-|[0-9a-f]{64}$)/.test(value) && !names.has(value))
      names.set(value, `id ${names.size}`);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object" && !(value instanceof Date)) Object.values(value).forEach(visit);
  };
  for (const unit of units) names.set(unit.id, `unit ${unit.unitNumber}`);
  visit([lot.customer.id, lot.walk.id, lot.theosWalk.id, lot.finishedWalk.id, lot.cancelledWalk.id, batch]);
  const named = (value: unknown): unknown => {
    if (typeof value === "string") return names.get(value) ?? value;
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(named);
    if (value && typeof value === "object") {
      // When a row was written differs from one run to the other; everything else must not.
      return Object.fromEntries(
        Object.entries(value).flatMap(([k, v]) => (k === "createdAt" || k === "updatedAt" ? [] : [[k, named(v)]])),
      );
    }
    return value;
  };
  return named;
}

describe("sync.push writes a batch's captures together", () => {
  const world = useWorld();

  describe("and answers exactly as one capture at a time", () => {
    const at = new Date();
    const runs: Record<
      PushMode,
      {
        lot: Lot;
        batch: Mutation[];
        results: Awaited<ReturnType<typeof push>>["results"];
        transactions: number;
        named: (v: unknown) => unknown;
      }
    > = {} as never;

    beforeAll(async () => {
      for (const mode of ["bulk", "one-by-one"] as const) {
        const lot = await newLot(world, `Lot ${mode}`, at);
        const batch = batchFor(world, lot, at);
        const { db, transactions } = watched(world.db);
        const { results } = await pushMutations(
          db,
          contextFor(world.tina),
          { deviceId: DEVICE_ID, mutations: batch },
          mode,
        );
        const units = await world.db.unit.findMany({ where: { customerId: lot.customer.id } });
        runs[mode] = { lot, batch, results, transactions: transactions.started, named: namer(lot, batch, units) };
      }
    });

    it("gives every mutation the same result both ways", () => {
      expect(outcomes(runs.bulk.results)).toEqual(OUTCOMES);
      expect(runs.bulk.named(runs.bulk.results)).toEqual(runs["one-by-one"].named(runs["one-by-one"].results));
    });

    it("prices, approves and flags each capture as the rules say", () => {
      const data = runs.bulk.results.map((r) =>
        r.ok
          ? (r.data as { estimateCents: number; estimateOrdinal: number; status: string; flaggedReason: string | null })
          : null,
      );
      const summary = data.map((d) => d && [d.estimateOrdinal, d.estimateCents, d.status, d.flaggedReason !== null]);
      expect(summary.slice(0, 8)).toEqual([
        [3, 0, "APPROVED", true], // H-1: a free third repair; the device said $50
        [2, 3600, "APPROVED", false], // H-2, a job of three breaks: 2nd, 3rd and 4th tiers, less 10%
        [3, 0, "APPROVED", false],
        [4, 2700, "APPROVED", false],
        [1, 5400, "PENDING_APPROVAL", true], // a new unit: over the $50 limit the device did not know
        [2, 3600, "APPROVED", false], // the same new unit, second break of its job
        [1, 5400, "PENDING_APPROVAL", false], // no damage photo (a voice note)
        [1, 5400, "PENDING_APPROVAL", false], // W-1: its new windshield starts at the first tier
      ]);
      expect(data[17]).toEqual(data[4]); // the same record twice: the first result twice
      expect(summary.slice(18, 20)).toEqual([
        [3, 0, "COMPLETED", false],
        [4, 2700, "APPROVED", false],
      ]);
    });

    it("stores the same records and audit entries both ways, and no unit for a refused capture", async () => {
      const stored = async (mode: PushMode) => {
        const { lot, batch, named } = runs[mode];
        // The records the batch names (repairs, the walk it starts), and the units it created.
        const ids = batch.flatMap((m) => (m.type === "walk.finish" ? [] : [(m.payload as { id: string }).id]));
        const repairs = await world.db.repair.findMany({ where: { id: { in: ids } }, include: { attachments: true } });
        const units = await world.db.unit.findMany({ where: { customerId: lot.customer.id } });
        const created = units.filter((u) => u.unitNumber.startsWith("NEW-"));
        const audits = await world.db.auditLog.findMany({
          where: { entityId: { in: [...ids, ...created.map((u) => u.id)] } },
        });
        const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(named(r))).sort();
        return {
          repairs: sorted(repairs),
          units: units.map((u) => u.unitNumber).sort(),
          audits: sorted(audits.map(({ id: _id, seq: _seq, ...a }) => a)),
        };
      };
      const bulk = await stored("bulk");
      expect(bulk.units).toEqual(["H-1", "H-2", "NEW-1", "NEW-11", "NEW-2", "S-1", "S-2", "W-1"]);
      expect(bulk.audits.length).toBeGreaterThan(bulk.repairs.length);
      expect(bulk).toEqual(await stored("one-by-one"));
    });

    it("takes one transaction for each run of captures between the walk's own mutations and the completed ones", () => {
      // 0-17 together, 18 alone (completed on the spot), 19 together, 20 alone, 21 together, 22 alone, 23 together.
      expect(runs.bulk.transactions).toBe(7);
      expect(runs["one-by-one"].transactions).toBe(22); // all but the bad shape and the bad file type
    });
  });

  it("writes 50 captures in one transaction, each with its own audit entry, and a replay creates nothing", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const batch = Array.from({ length: 50 }, (_, i) =>
      repairCapture(walk, { unitNumber: `FIFTY-${i % 20}`, attachments: [photo("DAMAGE"), photo("DAMAGE")] }),
    );
    const first = watched(world.db);
    const { results } = await push(first.db, world.tina, batch);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(first.transactions.started).toBe(1);
    const ids = batch.map((m) => (m.payload as { id: string }).id);
    const counts = async () => ({
      repairs: await world.db.repair.count({ where: { walkId: walk.id } }),
      units: await world.db.unit.count({ where: { unitNumber: { startsWith: "FIFTY-" } } }),
      attachments: await world.db.attachment.count({ where: { repairId: { in: ids } } }),
      captureAudits: await world.db.auditLog.count({ where: { action: "repair.capture", entityId: { in: ids } } }),
      unitAudits: await world.db.auditLog.count({ where: { action: "unit.create", entityType: "Unit" } }),
      allAudits: await world.db.auditLog.count(),
    });
    const before = await counts();
    expect(before).toMatchObject({ repairs: 50, units: 20, attachments: 100, captureAudits: 50 });
    // The audit log, newest first, lists the batch's captures in reverse order of capture,
    // though they were written together at one instant.
    const log = await callerFor(world.db, world.admin).admin.auditLog({ action: "repair.capture", limit: 50 });
    expect(log.items.map((e) => e.entityId)).toEqual([...ids].reverse());

    const again = await push(world.db, world.tina, batch);
    expect(again.results).toEqual(results);
    expect(await counts()).toEqual(before);
  });

  it("records each of 50 captures once when the same batch is pushed twice at once", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const batch = Array.from({ length: 50 }, (_, i) => repairCapture(walk, { unitNumber: `RACE-${i % 25}` }));
    const [a, b] = await Promise.all([push(world.db, world.tina, batch), push(world.db, world.tina, batch)]);
    expect(a.results.every((r) => r.ok)).toBe(true);
    expect(b.results).toEqual(a.results);
    const ids = batch.map((m) => (m.payload as { id: string }).id);
    expect(await world.db.repair.count({ where: { walkId: walk.id } })).toBe(50);
    expect(await world.db.unit.count({ where: { unitNumber: { startsWith: "RACE-" } } })).toBe(25);
    expect(await world.db.attachment.count({ where: { repairId: { in: ids } } })).toBe(50);
    expect(await world.db.auditLog.count({ where: { action: "repair.capture", entityId: { in: ids } } })).toBe(50);
  });

  it("writes the captures one by one when their bulk transaction fails, each once", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const batch = ["FALLBACK-1", "FALLBACK-2", "FALLBACK-1"].map((unitNumber) => repairCapture(walk, { unitNumber }));
    const log = captureServerLog();
    const failing = watched(world.db, 1);
    const { results } = await push(failing.db, world.tina, batch).finally(log.restore);
    expect(log.lines.filter((line) => line.level === "warn")).toHaveLength(1);
    expect(failing.transactions.started).toBe(1 + 3);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await world.db.repair.count({ where: { walkId: walk.id } })).toBe(3);
    expect(await world.db.unit.count({ where: { unitNumber: { startsWith: "FALLBACK-" } } })).toBe(2);
  });

  it("keeps per-mutation results when the database refuses the bulk insert (an attachment id already used)", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const used = (
      await capture(world.db, world, { unitNumber: "CLASH-0", attachments: [photo("DAMAGE")] }, world.tina, walk)
    ).id;
    const usedAttachment = await world.db.attachment.findFirstOrThrow({ where: { repairId: used } });
    const clash = { ...photo("DAMAGE"), id: usedAttachment.id };
    const batch = [
      repairCapture(walk, { unitNumber: "CLASH-1" }),
      repairCapture(walk, { unitNumber: "CLASH-2", attachments: [clash] }),
      repairCapture(walk, { unitNumber: "CLASH-3" }),
    ];
    const { results } = await push(world.db, world.tina, batch);
    expect(outcomes(results)).toEqual(["ok", "ID_IN_USE", "ok"]);
    const units = await world.db.unit.findMany({
      where: { unitNumber: { startsWith: "CLASH-" } },
      orderBy: { unitNumber: "asc" },
    });
    expect(units.map((u) => u.unitNumber)).toEqual(["CLASH-0", "CLASH-1", "CLASH-3"]);
  });

  it("refuses captures on a walk finished earlier in the same batch, but takes those its signed summary lists, and replays", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const before = repairCapture(walk, { unitNumber: "LATE-1" });
    // Captured before the contact signed, but its push failed: it comes after the finish.
    const signedFor = repairCapture(walk, { unitNumber: "LATE-3" });
    const signedId = (signedFor.payload as { id: string }).id;
    const finishing = mutation("walk.finish", {
      walkId: walk.id,
      endedAt: new Date(),
      siteContactName: "Pat",
      signedSummary: {
        units: [{ unitNumber: "LATE-3", repairs: [{ id: signedId, damageType: "CHIP", estimateCents: 5000 }] }],
        totalCents: 5000,
      },
      signature: signature(),
    });
    const batch = [before, finishing, repairCapture(walk, { unitNumber: "LATE-2" }), signedFor, before];
    const { results } = await push(world.db, world.tina, batch);
    expect(outcomes(results)).toEqual(["ok", "ok", "WALK_COMPLETED", "ok", "ok"]);
    expect(results[4]).toEqual(results[0]);
    expect(await world.db.unit.count({ where: { unitNumber: "LATE-2" } })).toBe(0);
    expect(await world.db.repair.findUniqueOrThrow({ where: { id: signedId } })).toMatchObject({
      walkId: walk.id,
      estimateCents: 5000,
    });
  });
});
