import { beforeEach, describe, expect, it } from "vitest";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { captureRepair } from "./capture-repair";
import type { RsDb } from "./db";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { startWalk } from "./start-walk";
import { capturedOnUnit, recentCaptures } from "./walk-captures";

let db: RsDb;

beforeEach(async () => {
  db = testDb();
  await savePreparedSnapshot(db, snapshot());
  await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
});

async function capture(unitNumber: string, jobId = crypto.randomUUID(), breakIndex = 0) {
  const { repair } = await captureRepair(db, {
    walkId: WALK_ID,
    customerId: CUSTOMER_ID,
    unitNumber,
    jobId,
    breakIndex,
    damageType: "CHIP",
    photos: [photo("DAMAGE")],
    completedOnSpot: false,
  });
  return repair;
}

describe("recentCaptures", () => {
  it("is empty for a walk with nothing captured", async () => {
    expect(await recentCaptures(db, WALK_ID, 10)).toEqual({ units: [], files: [], totalUnits: 0, totalRepairs: 0 });
  });

  it("gives the latest units first, each with all its repairs on the walk in capture order, and counts all", async () => {
    const first = await capture("NEW-1");
    for (let i = 2; i <= 14; i++) await capture(`NEW-${i}`);
    const again = await capture("new-1 ", first.jobId, 1);

    const recent = await recentCaptures(db, WALK_ID, 3);
    expect(recent.units.map((u) => u.unitNumber)).toEqual(["NEW-1", "NEW-14", "NEW-13"]);
    expect(recent.units[0]!.repairs.map((r) => r.id)).toEqual([first.id, again.id]);
    expect(recent.totalUnits).toBe(14);
    expect(recent.totalRepairs).toBe(15);
    expect(recent.files.map((f) => f.ownerId).sort()).toEqual(
      recent.units.flatMap((u) => u.repairs.map((r) => r.id)).sort(),
    );
  });

  it("reads rows only for the units it shows", async () => {
    for (let i = 1; i <= 30; i++) await capture(`NEW-${i}`);
    let rowsRead = 0;
    db.localRepairs.hook("reading", (row) => {
      rowsRead++;
      return row;
    });
    await recentCaptures(db, WALK_ID, 5);
    expect(rowsRead).toBeLessThanOrEqual(6 + 5);
  });
});

describe("capturedOnUnit", () => {
  it("finds a unit's repairs on this walk whatever the spelling typed", async () => {
    const repair = await capture("NEW-9");
    await capture("NEW-10");
    expect((await capturedOnUnit(db, WALK_ID, " new-9")).map((r) => r.id)).toEqual([repair.id]);
    expect(await capturedOnUnit(db, WALK_ID, "NEW-11")).toEqual([]);
  });
});
