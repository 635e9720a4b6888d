import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { completeRepair } from "~/server/services/repairs/complete-repair";
import { startRepair } from "~/server/services/repairs/start-repair";
import { contextFor, photo } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

// Concurrency needs several connections: on the embedded database (one session) the same
// completions run one after the other instead, and must give the same answer.
describe("completions racing on one unit", () => {
  const world = useWorld();

  async function inProgress(db: Db, unitNumber: string, count: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const repair = await capture(db, world, { unitNumber });
      await startRepair(db, contextFor(world.tina), { repairId: repair.id });
      ids.push(repair.id);
    }
    return ids;
  }
  const complete = (repairId: string) =>
    completeRepair(world.db, contextFor(world.tina), { repairId, attachments: [photo("AFTER")] });

  it.skipIf(process.env.TEST_DATABASE_URL === undefined)(
    "never gives two completions the same ordinal (parallel, real PostgreSQL)",
    async () => {
      expect(world.databaseKind).toBe("postgresql");
      for (let round = 0; round < 5; round++) {
        const ids = await inProgress(world.db, `RACE-${round}`, 3);
        const done = await Promise.all(ids.map(complete));
        expect(done.map((r) => r.tierOrdinal).sort()).toEqual([1, 2, 3]);
        expect(done.map((r) => r.priceCents).sort()).toEqual([3500, 4000, 5000]);
      }
    },
  );

  it("gives consecutive ordinals when the same completions run one after the other", async () => {
    const ids = await inProgress(world.db, "SEQ-1", 3);
    const done = [];
    for (const id of ids) done.push(await complete(id));
    expect(done.map((r) => r.tierOrdinal)).toEqual([1, 2, 3]);
  });

  it.skipIf(process.env.TEST_DATABASE_URL === undefined)(
    "lets only one of two racing completions of the same repair through",
    async () => {
      const [id] = await inProgress(world.db, "TWICE", 1);
      const results = await Promise.allSettled([complete(id!), complete(id!)]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "NO_SUCH_TRANSITION" } });
      expect(await world.db.auditLog.count({ where: { entityId: id!, action: "repair.complete" } })).toBe(1);
    },
  );

  it.skipIf(process.env.TEST_DATABASE_URL === undefined)(
    "makes one record of a capture sent twice at once",
    async () => {
      const id = randomUUID();
      const [a, b] = await Promise.all([
        capture(world.db, world, { id, unitNumber: "DOUBLE-SEND" }),
        capture(world.db, world, { id, unitNumber: "DOUBLE-SEND" }),
      ]);
      expect(a).toEqual(b);
      expect(await world.db.repair.count({ where: { id } })).toBe(1);
      expect(await world.db.unit.count({ where: { unitNumber: "DOUBLE-SEND" } })).toBe(1);
      expect(await world.db.auditLog.count({ where: { entityId: id } })).toBe(1);
    },
  );
});
