// One vehicle, one unit, however its number is typed: the office registers "ab-…" while a
// technician is already offline on the lot, the technician captures "AB-…" as a unit the device
// does not know, and after sync the server holds one unit with that repair. A fleet file naming
// "ab-… " then names the registered unit instead of adding a second one.
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { technicianWithWalkAt } from "../support/own-walk";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { LOT, captureUnit, readQueuedMutations, startWalkOffline, syncSummary } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation", "microphone"], geolocation: LOT });

type Unit = { id: string; unitNumber: string };

test("'ab-12' registered by the office and 'AB-12' captured on the lot are one unit after sync and after an import", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const number = `ab-${randomInt(10_000, 99_999)}`;
  const NUMBER = number.toUpperCase();
  const customerName = "Summit Car Rentals";
  const email = await technicianWithWalkAt(playwright, baseURL!, customerName);
  await startWalkOffline(context, page, email, customerName);

  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  try {
    const customers = await trpcQuery<{ id: string; name: string }[]>(admin, "admin.customers", {
      search: customerName,
    });
    const customerId = customers.ok ? customers.data[0]!.id : "";
    const registered = await trpcMutation<Unit>(admin, "admin.createUnit", { customerId, unitNumber: number });
    expect(registered).toMatchObject({ ok: true, data: { unitNumber: NUMBER } });
    const unitId = registered.ok ? registered.data.id : "";
    const sameNumber = async () => {
      const units = await trpcQuery<Unit[]>(admin, "unit.listForCustomer", { customerId });
      return units.ok ? units.data.filter((u) => u.unitNumber.toUpperCase() === NUMBER).map((u) => u.id) : [];
    };

    // Registered after the device prepared: to the device it is a new unit.
    await page.getByLabel("Unit number").fill(NUMBER);
    await expect(page.getByRole("button", { name: `Add new unit ${NUMBER}` })).toBeVisible();
    await captureUnit(page, { type: NUMBER, expected: NUMBER, damage: "Chip", position: "center" });
    const [capture] = (await readQueuedMutations(page)).filter((e) => e.type === "repair.capture");
    const repairId = (capture!.payload as { id: string }).id;

    await context.setOffline(false);
    await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
    expect(await sameNumber()).toEqual([unitId]);
    const repair = await trpcQuery<{ unit: { id: string } }>(admin, "repair.byId", { id: repairId });
    expect(repair).toMatchObject({ ok: true, data: { unit: { id: unitId } } });

    const imported = await trpcMutation(admin, "admin.importUnitsCsv", {
      customerId,
      csv: `unit_number,make\n${number} ,Ford\n`,
    });
    expect(imported).toMatchObject({
      ok: true,
      data: { ok: false, imported: 0, rowProblems: [{ line: 2, unitNumber: NUMBER }] },
    });
    expect(await sameNumber()).toEqual([unitId]);
  } finally {
    await admin.dispose();
  }
});
