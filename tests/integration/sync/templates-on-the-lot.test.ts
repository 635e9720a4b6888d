// Templates on the phone: prepare hands the technician the company's templates and their own
// (not a colleague's), and a capture that names one gets its checklist, unticked, whether it
// arrives alone or in a sync batch. A template the technician may not use is ignored, not refused:
// work done on the lot is never lost over a template deleted since the phone prepared.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CaptureRepairInput } from "~/server/services/repairs/capture-repair";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";
import { callerFor, contextFor } from "../../support/fixtures";
import { push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("templates on the lot", () => {
  const world = useWorld();

  it("are prepared for offline use, and a capture naming one takes its checklist", async () => {
    const company = await callerFor(world.db, world.maya).template.save({
      companyWide: true,
      name: "Chip, driver side",
      damageType: "CHIP",
      damagePosition: "driver side",
      notes: "Cured 5 min under UV.",
      checklist: ["Glass cleaned", "Resin cured"],
    });
    const own = await callerFor(world.db, world.tina).template.save({ name: "Tina's star", damageType: "STAR_BREAK" });
    const theirs = await callerFor(world.db, world.theo).template.save({ name: "Theo's crack", damageType: "CRACK" });

    const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
    expect(snapshot.templates.map((t) => t.name)).toEqual(["Chip, driver side", "Tina's star"]);
    expect(snapshot.templates[0]).toEqual({
      id: company.id,
      name: "Chip, driver side",
      damageType: "CHIP",
      damagePosition: "driver side",
      notes: "Cured 5 min under UV.",
      checklist: ["Glass cleaned", "Resin cured"],
    });

    const withCompany = repairCapture(world.walk, { unitNumber: "TL-1", templateId: company.id });
    const withOwn = repairCapture(world.walk, { unitNumber: "TL-2", templateId: own.id });
    const withTheirs = repairCapture(world.walk, { unitNumber: "TL-3", templateId: theirs.id });
    const withGone = repairCapture(world.walk, { unitNumber: "TL-4", templateId: randomUUID() });
    const { results } = await push(world.db, world.tina, [withCompany, withOwn, withTheirs, withGone]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);

    const stored = async (m: { payload: unknown }) =>
      world.db.repair.findUniqueOrThrow({
        where: { id: (m.payload as CaptureRepairInput).id },
        select: { templateId: true, checklist: true },
      });
    expect(await stored(withCompany)).toEqual({
      templateId: company.id,
      checklist: [
        { label: "Glass cleaned", done: false },
        { label: "Resin cured", done: false },
      ],
    });
    expect(await stored(withOwn)).toEqual({ templateId: own.id, checklist: [] });
    expect(await stored(withTheirs)).toEqual({ templateId: null, checklist: [] });
    expect(await stored(withGone)).toEqual({ templateId: null, checklist: [] });

    // One capture alone (the online path) does the same.
    const alone = repairCapture(world.walk, { unitNumber: "TL-5", templateId: company.id });
    await callerFor(world.db, world.tina).repair.capture(alone.payload as CaptureRepairInput);
    expect(await stored(alone)).toMatchObject({ templateId: company.id, checklist: [{ label: "Glass cleaned" }, {}] });
  });
});
