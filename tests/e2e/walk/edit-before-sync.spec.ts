// A technician corrects a repair saved offline before it syncs (its description: damage type,
// position, notes); the server receives the corrected repair, and once it is there the device
// no longer offers to edit it.
import { expect, test } from "@playwright/test";
import { trpcQuery } from "../support/trpc";
import { type DeviceOutboxEntry, LOT, captureUnit, readDevice, startWalkOffline, syncSummary } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation", "microphone"], geolocation: LOT });

test("a repair saved offline is corrected before it syncs, and the server gets the correction", async ({ page, context }) => {
  test.setTimeout(120_000);
  await startWalkOffline(context, page, "tech2@demo.test", "Interstate Freight Lines");
  await captureUnit(page, { type: "IF-301", expected: "IF-301", damage: "Chip", position: "driver side" });

  const card = page.getByRole("article", { name: "Repair on unit IF-301: Chip, driver side" });
  await card.getByRole("button", { name: "Edit repair on unit IF-301: Chip, driver side" }).click();
  const form = card.getByRole("form", { name: "Edit repair on unit IF-301: Chip, driver side" });
  await form.getByLabel("Damage type").selectOption({ label: "Crack" });
  await form.getByLabel("Position").fill("passenger side, lower");
  await form.getByLabel("Technician notes").fill("3 inch crack from the edge, not a chip");
  await form.getByRole("button", { name: "Save changes" }).click();

  const corrected = page.getByRole("article", { name: "Repair on unit IF-301: Crack, passenger side, lower" });
  await expect(corrected).toBeVisible();
  await expect(corrected.getByText("Saved on this device, waiting to sync")).toBeVisible();
  const [capture] = (await readDevice<DeviceOutboxEntry>(page, "outbox")).filter((e) => e.type === "repair.capture");
  const repairId = (capture!.payload as { id: string }).id;
  expect(capture!.payload).toMatchObject({ damageType: "CRACK", damagePosition: "passenger side, lower", technicianNotes: "3 inch crack from the edge, not a chip" });

  await context.setOffline(false);
  await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
  await expect(corrected.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  const server = await trpcQuery<{ damageType: string; damagePosition: string; technicianNotes: string }>(page.request, "repair.byId", { id: repairId });
  expect(server).toMatchObject({ ok: true, data: { damageType: "CRACK", damagePosition: "passenger side, lower", technicianNotes: "3 inch crack from the edge, not a chip" } });
});
