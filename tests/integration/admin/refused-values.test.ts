// The office's forms and the portal: a value the database cannot store (an amount beyond its
// integers, a date in year 275000, a NUL) or a look-alike identifier is a bad request naming
// the field, never a server error quoting the database's query.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor, createUnit } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

const TOO_MANY_CENTS = 2_147_483_648;
const YEAR_275000 = new Date(Date.UTC(275_000, 0, 1));

async function refusal(call: Promise<unknown>) {
  const error = (await call.then(
    () => null,
    (e: unknown) => e,
  )) as { code: string; message: string } | null;
  expect(error).toMatchObject({ code: "BAD_REQUEST" });
  expect(error!.message).not.toMatch(/prisma|invocation/i);
  return error!.message;
}

describe("office and portal inputs the database cannot store", () => {
  const world = useWorld();
  const admin = () => callerFor(world.db, world.admin);

  it("refuses a price override beyond $21,474,836.47 and leaves the repair as it was", async () => {
    const repair = await capture(world.db, world, { unitNumber: "R-1" });
    const message = await refusal(
      admin().repair.overridePrice({ repairId: repair.id, amountCents: TOO_MANY_CENTS, reason: "typo" }),
    );
    expect(message).toMatch(/at most \$21,474,836\.47/);
    const stored = await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } });
    expect(stored).toMatchObject({ overrideCents: null, estimateCents: 5000 });
  });

  it("refuses tier prices, an auto-approval maximum and an approval limit beyond the database's integers", async () => {
    await refusal(
      admin().admin.updatePricing({
        customerId: world.acme.id,
        useCustomPricing: true,
        tiersCents: [TOO_MANY_CENTS, null, null, null, null],
      }),
    );
    await refusal(
      admin().admin.updateFleetSettings({ customerId: world.acme.id, maxAutoApproveCents: TOO_MANY_CENTS }),
    );
    await refusal(
      admin().admin.updateTechnician({ technicianId: world.maya.technicianId, approvalLimitCents: TOO_MANY_CENTS }),
    );
    const maya = await world.db.technician.findUniqueOrThrow({ where: { id: world.maya.technicianId } });
    expect(maya.approvalLimitCents).toBe(15_000);
  });

  it("refuses a completion dated in year 275000", async () => {
    const repair = await capture(world.db, world, { unitNumber: "R-2" });
    await callerFor(world.db, world.tina).repair.start({ repairId: repair.id });
    const message = await refusal(
      callerFor(world.db, world.tina).repair.complete({ repairId: repair.id, completedAt: YEAR_275000 }),
    );
    expect(message).toMatch(/between 2000 and 2100/);
  });

  it("refuses a unit number with a right-to-left override or a zero-width space, and a NUL in a name", async () => {
    expect(await refusal(admin().admin.createUnit({ customerId: world.acme.id, unitNumber: "\u202e001-A" }))).toMatch(
      /Unit number contains an invisible or direction-changing character/,
    );
    await refusal(admin().admin.createUnit({ customerId: world.acme.id, unitNumber: "A\u200b-100" }));
    await refusal(admin().admin.createCustomer({ name: "Acme\u0000 Rentals" }));
    expect(await world.db.unit.count({ where: { unitNumber: { contains: "001-A" } } })).toBe(0);
  });

  it("refuses a customer's request whose notes hold a NUL or half a character", async () => {
    const unit = await createUnit(world.db, world.acme.id, "R-3");
    const carla = callerFor(world.db, world.carla);
    for (const customerNotes of ["chip\u0000", "chip \ud83d"])
      await refusal(carla.repair.request({ id: randomUUID(), unitId: unit.id, damageType: "CHIP", customerNotes }));
    expect(await world.db.repair.count({ where: { unitId: unit.id } })).toBe(0);
  });
});
