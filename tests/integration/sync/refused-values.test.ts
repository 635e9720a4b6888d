// Values that pass a shape check but that the database cannot store, or that make look-alike
// records: a device's push gets a final refusal for them (never a retryable SERVER_ERROR that
// would be sent again forever), and nothing is written.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor } from "../../support/fixtures";
import { DEVICE_ID, type Mutation, repairCapture, walkFinish, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

const YEAR_275000 = new Date(Date.UTC(275_000, 0, 1));

describe("sync.push refuses values the database cannot store, for good", () => {
  const world = useWorld();
  const pushOne = async (m: Mutation) => {
    const { results } = await callerFor(world.db, world.tina).sync.push({ deviceId: DEVICE_ID, mutations: [m] });
    return results[0]!;
  };
  const walk = () => ({ id: world.walk.id, customerId: world.acme.id });
  const expectFinalRefusal = async (m: Mutation, message: RegExp) => {
    const result = await pushOne(m);
    expect(result).toMatchObject({ ok: false, code: "BAD_INPUT", retryable: false });
    expect(result.ok === false && result.message).toMatch(message);
    expect(result.ok === false && result.message).not.toMatch(/prisma|invocation/i);
  };

  it.each([
    ["a NUL in the technician's notes", { technicianNotes: "resin\u0000ran short" }, /control character/],
    ["a NUL in a unit number", { unitNumber: "A\u0000100" }, /control character/],
    ["a lone surrogate in the customer's notes", { customerNotes: "chip \ud83d here" }, /broken character/],
    ["a lone surrogate in a unit number", { unitNumber: "A-\udc00" }, /broken character/],
    ["a right-to-left override in a unit number", { unitNumber: "\u202e001-A" }, /invisible or direction/],
    ["a zero-width space in a unit number", { unitNumber: "A\u200b-100" }, /invisible or direction/],
    ["a capture dated in year 275000", { capturedAt: YEAR_275000 }, /between 2000 and 2100/],
    ["a completion dated in year 275000", { completedOnSpot: { completedAt: YEAR_275000 } }, /between 2000 and 2100/],
    ["a device estimate beyond the database's integers", { deviceEstimateCents: 2_147_483_648 }, /at most/],
  ])("a capture with %s", async (_, changes, message) => {
    const m = repairCapture(walk(), changes);
    await expectFinalRefusal(m, message);
    expect(await world.db.repair.count({ where: { id: (m.payload as { id: string }).id } })).toBe(0);
  });

  it("keeps new lines and tabs in notes", async () => {
    const result = await pushOne(repairCapture(walk(), { unitNumber: "N-1", technicianNotes: "line 1\n\tline 2" }));
    expect(result).toMatchObject({ ok: true, data: { technicianNotes: "line 1\n\tline 2" } });
  });

  it("stores a unit number typed with a combining accent as the same unit as the composed one", async () => {
    const composed = await pushOne(repairCapture(walk(), { unitNumber: "CAF\u00c9-1" }));
    const decomposed = await pushOne(repairCapture(walk(), { unitNumber: "CAFE\u0301-1" }));
    expect([composed.ok, decomposed.ok]).toEqual([true, true]);
    const units = await world.db.unit.findMany({
      where: { customerId: world.acme.id, unitNumber: { startsWith: "CAF" } },
    });
    expect(units.map((u) => u.unitNumber)).toEqual(["CAF\u00c9-1"]);
  });

  it("refuses for good a walk started in year 275000", async () => {
    const id = randomUUID();
    const start = walkStart(world.acme.id, id);
    (start.payload as { startedAt: Date }).startedAt = YEAR_275000;
    await expectFinalRefusal(start, /between 2000 and 2100/);
    expect(await world.db.lotWalk.count({ where: { id } })).toBe(0);
  });

  it("refuses a walk's end with a NUL in the site contact's name or dated in year 275000", async () => {
    await expectFinalRefusal(walkFinish(world.walk.id, { siteContactName: "Pat\u0000" }), /control character/);
    await expectFinalRefusal(walkFinish(world.walk.id, { endedAt: YEAR_275000 }), /between 2000 and 2100/);
    await expectFinalRefusal(
      walkFinish(world.walk.id, { siteContactName: "Pat \u202eetaP" }),
      /invisible or direction/,
    );
    const stored = await world.db.lotWalk.findUniqueOrThrow({ where: { id: world.walk.id } });
    expect(stored.status).not.toBe("COMPLETED");
  });
});
