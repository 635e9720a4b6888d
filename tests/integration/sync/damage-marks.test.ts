import { describe, expect, it } from "vitest";
import { loadRepairCards } from "~/server/data/repairs/load-repair-cards";
import { callerFor, photo } from "../../support/fixtures";
import { DEVICE_ID, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

const MARKS = [
  { kind: "circle", cx: 0.42, cy: 0.38, r: 0.08 },
  { kind: "arrow", x1: 0.1, y1: 0.9, x2: 0.4, y2: 0.45 },
] as const;

describe("damage marks travel with their photo", () => {
  const world = useWorld();

  it("a photo's marks are stored beside it and shown on the manager's card; older entries without marks sync as before", async () => {
    const walk = { id: world.walk.id, customerId: world.acme.id };
    const marked = { ...photo("DAMAGE"), marks: [...MARKS] };
    const plain = photo("DAMAGE");
    const first = repairCapture(walk, { unitNumber: "MK-1", attachments: [marked] });
    const { results } = await callerFor(world.db, world.tina).sync.push({
      deviceId: DEVICE_ID,
      mutations: [first, repairCapture(walk, { unitNumber: "MK-2", attachments: [plain] })],
    });
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const stored = await world.db.attachment.findMany({ where: { id: { in: [marked.id, plain.id] } } });
    expect(Object.fromEntries(stored.map((a) => [a.id, a.damageMarks]))).toEqual({
      [marked.id]: MARKS,
      [plain.id]: null,
    });

    // The cards the manager's tablet and the portal list carry them.
    const [card] = await loadRepairCards(world.db, world.maya.actor, { id: (first.payload as { id: string }).id });
    expect(card?.attachments.find((a) => a.id === marked.id)?.damageMarks).toEqual(MARKS);
  });

  it("refuses marks outside the photo or too many, naming the field", async () => {
    const walk = { id: world.walk.id, customerId: world.acme.id };
    const outside = { ...photo("DAMAGE"), marks: [{ kind: "circle", cx: 1.5, cy: 0.2, r: 0.1 }] };
    const tooMany = { ...photo("DAMAGE"), marks: Array.from({ length: 9 }, () => MARKS[0]) };
    const { results } = await callerFor(world.db, world.tina).sync.push({
      deviceId: DEVICE_ID,
      mutations: [
        repairCapture(walk, { unitNumber: "MK-3", attachments: [outside as never] }),
        repairCapture(walk, { unitNumber: "MK-4", attachments: [tooMany as never] }),
      ],
    });
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(await world.db.attachment.count({ where: { id: { in: [outside.id, tooMany.id] } } })).toBe(0);
  });
});
