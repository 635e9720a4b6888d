import { describe, expect, it } from "vitest";
import { callerFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

describe("offline copies: who holds a customer's settings and prices made with old values", () => {
  const world = useWorld();

  it("counts technicians prepared before a change of prices or approval settings; their next prepare refreshes them", async () => {
    const admin = callerFor(world.db, world.admin);
    const stale = () => admin.admin.staleOfflineCopies({ customerId: world.acme.id });
    expect(await stale()).toEqual({ stale: 0, holding: 0, technicians: [] });

    await callerFor(world.db, world.tina).sync.prepare();
    await callerFor(world.db, world.theo).sync.prepare();
    expect(await stale()).toMatchObject({ stale: 0, holding: 2 });

    await admin.admin.updateFleetSettings({ customerId: world.acme.id, maxAutoApproveCents: 2500 });
    expect(await stale()).toMatchObject({ stale: 2, holding: 2 });
    expect((await stale()).technicians.map((t) => t.name).sort()).toEqual(["Theo", "Tina"]);

    await callerFor(world.db, world.tina).sync.prepare();
    expect(await stale()).toMatchObject({ stale: 1, technicians: [{ name: "Theo" }] });

    await callerFor(world.db, world.theo).sync.prepare();
    await admin.admin.updatePricing({
      customerId: world.acme.id,
      useCustomPricing: true,
      tiersCents: [6000, 5000, 4000, 3500, 3000],
    });
    expect(await stale()).toMatchObject({ stale: 2, holding: 2 });
    await callerFor(world.db, world.theo).sync.prepare();
    expect(await stale()).toMatchObject({ stale: 1, technicians: [{ name: "Tina" }] });

    await expect(
      callerFor(world.db, world.maya).admin.staleOfflineCopies({ customerId: world.acme.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
