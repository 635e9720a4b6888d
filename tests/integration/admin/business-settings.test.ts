import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_SETTINGS } from "~/domain/business-settings";
import { callerFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

describe("business settings and technicians' skills and base", () => {
  const world = useWorld();
  const settings = {
    assignmentWeights: { workload: 0.4, distance: 0.2, expertise: 0.2, history: 0.1, availability: 0.1 },
    autoAssignRequests: true,
    averageSpeedKmh: 55,
    walkHorizonWeeks: 6,
  };

  it("reads the defaults, saves the admin's settings and audits them", async () => {
    const admin = callerFor(world.db, world.admin);
    expect(await admin.admin.businessSettings()).toEqual(DEFAULT_BUSINESS_SETTINGS);
    expect(await admin.admin.updateBusinessSettings(settings)).toEqual(settings);
    expect(await admin.admin.businessSettings()).toEqual(settings);
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { action: "businessSettings.update" } });
    expect(audit).toMatchObject({ actorId: world.admin.userId });
    expect(audit.changes).toMatchObject({
      autoAssignRequests: { before: false, after: true },
      averageSpeedKmh: { before: 40, after: 55 },
    });
  });

  it("refuses weights that do not add up to 1, with the sum, and values out of range; nothing saved", async () => {
    const admin = callerFor(world.db, world.admin);
    const before = await admin.admin.businessSettings();
    await expect(
      admin.admin.updateBusinessSettings({
        ...settings,
        assignmentWeights: { ...settings.assignmentWeights, workload: 0.5 },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The weights must add up to 1 (they add up to 1.1).",
      cause: { code: "INVALID_ASSIGNMENT_WEIGHTS" },
    });
    await expect(admin.admin.updateBusinessSettings({ ...settings, averageSpeedKmh: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      admin.admin.updateBusinessSettings({
        ...settings,
        assignmentWeights: { ...settings.assignmentWeights, history: -0.1 },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin.admin.businessSettings()).toEqual(before);
    await expect(callerFor(world.db, world.maya).admin.updateBusinessSettings(settings)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("sets a technician's skills and base position; refuses half a position or one out of range", async () => {
    const admin = callerFor(world.db, world.admin);
    const tina = await admin.admin.updateTechnician({
      technicianId: world.tina.technicianId,
      skills: ["CRACK", "CHIP", "CHIP"],
      baseLatitude: 39.74,
      baseLongitude: -104.99,
    });
    expect(tina).toMatchObject({ skills: ["CHIP", "CRACK"], baseLatitude: 39.74, baseLongitude: -104.99 });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { action: "technician.update", entityId: world.tina.technicianId },
    });
    expect(audit.changes).toMatchObject({ skills: { before: [], after: ["CHIP", "CRACK"] } });

    await expect(
      admin.admin.updateTechnician({ technicianId: world.tina.technicianId, baseLatitude: null }),
    ).rejects.toMatchObject({ message: "Give the base position's latitude and longitude both, or neither." });
    await expect(
      admin.admin.updateTechnician({ technicianId: world.tina.technicianId, baseLatitude: 91, baseLongitude: 0 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const cleared = await admin.admin.updateTechnician({
      technicianId: world.tina.technicianId,
      baseLatitude: null,
      baseLongitude: null,
    });
    expect(cleared).toMatchObject({ baseLatitude: null, baseLongitude: null, skills: ["CHIP", "CRACK"] });
  });
});
