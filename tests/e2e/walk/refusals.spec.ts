// Refusals on the walk, with their reasons. On the device: a file that is not a photo is never
// queued. From the server: the technician's walk was finished and signed on another device while
// this phone was offline (a phone swapped mid-walk), so its two captures come back refused; they
// stay until the technician confirms a discard, and only that repair's photo goes.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import superjson from "superjson";
import {
  type DeviceFile,
  type DeviceOutboxEntry,
  LOT,
  PHOTO,
  captureUnit,
  readDevice,
  startWalkOffline,
  syncSummary,
} from "../support/walk-device";

const CUSTOMER = "Interstate Freight Lines";
const COMPLETED = "This walk was finished and its summary signed: start a new walk to capture more repairs.";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation", "microphone"], geolocation: LOT });

test("a file that is not a photo is refused on the device with the reason, before anything is queued", async ({
  page,
  context,
}) => {
  // Offline to the end: this walk's start never reaches the server (the next test starts it).
  await startWalkOffline(context, page, "tech2@demo.test", CUSTOMER);
  await page.getByLabel("Unit number").fill("IF-401");
  await page.getByRole("button", { name: "Add new unit IF-401" }).click();
  await page
    .getByLabel("Add damage photo")
    .setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 not a photo") });
  await expect(page.getByRole("alert").filter({ hasText: "photo" })).toHaveText(
    "A photo must be image/jpeg, image/png, image/webp; this file is application/pdf.",
  );
  await expect(page.getByText("0 damage photos", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Estimate" })).toContainText(
    "Needs approval: a damage photo is required",
  );
  expect(await readDevice(page, "blobs")).toHaveLength(0);

  // A JPEG that cannot be decoded (truncated after its header) says so in words, not "undefined".
  await page.getByLabel("Add damage photo").setInputFiles({
    name: "broken.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF truncated")]),
  });
  await expect(page.getByRole("alert").filter({ hasText: "photo" })).toHaveText(
    "This photo could not be read: the file may be damaged. Take the photo again or choose another one.",
  );
  await expect(page.getByText("0 damage photos", { exact: true })).toBeVisible();
  expect(await readDevice(page, "blobs")).toHaveLength(0);

  await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "photo" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Estimate" })).toContainText("Auto-approved");
  await page.getByRole("button", { name: "Save repair" }).click();
  await expect(page.getByText("Repair 1 on unit IF-401 saved on this device")).toBeVisible();
  expect(await readDevice(page, "blobs")).toHaveLength(1);
});

test("captures refused by the server stay on the device with the reason until the technician discards them", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await startWalkOffline(context, page, "tech2@demo.test", CUSTOMER);
  await captureUnit(page, { type: "IF-501", expected: "IF-501", damage: "Chip", position: "driver side" });
  await captureUnit(page, { type: "IF-502", expected: "IF-502", damage: "Star break", position: "center" });
  const outbox = await readDevice<DeviceOutboxEntry>(page, "outbox");
  const start = outbox.find((e) => e.type === "walk.start")!;
  const walkId = (start.payload as { id: string }).id;

  // The other device starts and finishes the same walk, signed with no repairs on it.
  const other = await page.request.post("/api/trpc/sync.push", {
    data: superjson.serialize({
      deviceId: randomUUID(),
      mutations: [
        { id: randomUUID(), type: "walk.start", payload: start.payload },
        {
          id: randomUUID(),
          type: "walk.finish",
          payload: {
            walkId,
            endedAt: new Date(),
            siteContactName: "Lee Yardley",
            signedSummary: { units: [], totalCents: 0 },
            signature: {
              id: randomUUID(),
              kind: "SIGNATURE",
              mimeType: "image/png",
              sizeBytes: 2_000,
              sha256: "0".repeat(64),
            },
          },
        },
      ],
    }),
  });
  expect(other.status()).toBe(200);

  await context.setOffline(false);
  const refused = page.getByRole("region", { name: "Refused by the server" });
  await expect(refused.getByRole("listitem")).toHaveCount(2, { timeout: 30_000 });
  for (const unit of ["IF-501", "IF-502"]) {
    const item = refused.getByRole("listitem").filter({ hasText: `Repair on unit ${unit}` });
    await expect(item).toContainText(COMPLETED);
    await expect(item).toContainText("WALK_COMPLETED");
  }
  // The refusals are kept, with their photos, however often the device syncs.
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByRole("button", { name: "Sync now" })).toBeEnabled();
  await expect(refused.getByRole("listitem")).toHaveCount(2);
  const files = await readDevice<DeviceFile>(page, "blobs");
  expect(files).toHaveLength(2);
  await expect(syncSummary(page)).toContainText("4 unsynced items");

  const first = refused.getByRole("listitem").filter({ hasText: "Repair on unit IF-501" });
  await first.getByRole("button", { name: "Discard" }).click();
  await first.getByRole("button", { name: "Keep it" }).click();
  await expect(refused.getByRole("listitem")).toHaveCount(2);
  await first.getByRole("button", { name: "Discard" }).click();
  await first.getByRole("button", { name: "Yes, discard it" }).click();

  await expect(refused.getByRole("listitem")).toHaveCount(1);
  await expect(refused.getByRole("listitem")).toContainText("Repair on unit IF-502");
  const repairs = await readDevice<{ id: string; unitNumber: string }>(page, "localRepairs");
  expect(repairs.map((r) => r.unitNumber)).toEqual(["IF-502"]);
  // Only the discarded repair's photo left the device.
  expect((await readDevice<DeviceFile>(page, "blobs")).map((f) => f.ownerId)).toEqual([repairs[0]!.id]);
  await expect(syncSummary(page)).toContainText("2 unsynced items");
});
