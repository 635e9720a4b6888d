// A technician corrects a repair saved offline before it syncs (its description: damage type,
// position, notes) and deletes one saved by mistake; the server receives the corrected repair
// and never hears of the deleted one, and once synced the device no longer offers to edit.
import { expect, test } from "@playwright/test";
import { trpcQuery } from "../support/trpc";
import {
  type DeviceOutboxEntry,
  readQueuedMutations,
  LOT,
  captureUnit,
  readDevice,
  startWalkOffline,
  syncSummary,
} from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation", "microphone"], geolocation: LOT });

test("before they sync, a repair saved offline is corrected and another deleted; the server gets only the corrected one", async ({
  page,
  context,
}) => {
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
  // What will be sent: the queued capture carries the repair's (edited) payload.
  const [capture] = (await readQueuedMutations(page)).filter((e) => e.type === "repair.capture");
  const repairId = (capture!.payload as { id: string }).id;
  expect(capture!.payload).toMatchObject({
    damageType: "CRACK",
    damagePosition: "passenger side, lower",
    technicianNotes: "3 inch crack from the edge, not a chip",
  });

  await test.step("a repair saved by mistake is deleted, after a confirmation", async () => {
    await captureUnit(page, { type: "IF-302", expected: "IF-302", damage: "Star break", position: "center" });
    const mistake = page.getByRole("article", { name: "Repair on unit IF-302: Star break, center" });
    await mistake.getByRole("button", { name: /^Edit/ }).click();
    await mistake.getByRole("button", { name: "Delete this repair…" }).click();
    await mistake.getByRole("group", { name: "Confirm delete" }).getByRole("button", { name: "Keep it" }).click();
    await expect(mistake).toBeVisible();
    await mistake.getByRole("button", { name: "Delete this repair…" }).click();
    await mistake
      .getByRole("group", { name: "Confirm delete" })
      .getByRole("button", { name: "Yes, delete it" })
      .click();
    await expect(mistake).toHaveCount(0);
    expect(
      (await readDevice<DeviceOutboxEntry>(page, "outbox")).filter((e) => e.type === "repair.capture"),
    ).toHaveLength(1);
    expect(await readDevice(page, "blobs")).toHaveLength(1);
  });

  await context.setOffline(false);
  await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
  await expect(corrected.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  const walkId = (capture!.payload as { walkId: string }).walkId;
  const onServer = await trpcQuery<{ items: { id: string }[] }>(page.request, "repair.list", { walkId, limit: 100 });
  expect(onServer).toMatchObject({ ok: true, data: { items: [{ id: repairId }] } });
  const server = await trpcQuery<{ damageType: string; damagePosition: string; technicianNotes: string }>(
    page.request,
    "repair.byId",
    { id: repairId },
  );
  expect(server).toMatchObject({
    ok: true,
    data: {
      damageType: "CRACK",
      damagePosition: "passenger side, lower",
      technicianNotes: "3 inch crack from the edge, not a chip",
    },
  });
});
