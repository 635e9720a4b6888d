// Marking the damage on a photo with a finger, offline: a circle drawn over the damage photo is
// kept beside the photo (which stays as taken) and queued with it for the server.
import { expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { LOT, PHOTO, readQueuedMutations, startWalkOffline } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation"], geolocation: LOT, hasTouch: true });

test("a circle drawn on the damage photo travels with it", async ({ page, context, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, "Summit Car Rentals");
  await startWalkOffline(context, page, email, "Summit Car Rentals");
  const unitNumber = page.getByLabel("Unit number");
  await unitNumber.fill("MARK-1");
  await unitNumber.press("Enter");
  await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("button", { name: "Mark damage on photo 1" }).click();
  const area = page.getByTestId("mark-area");
  await expect(area.getByRole("img", { name: "damage photo 1" })).toBeVisible();
  await area.scrollIntoViewIfNeeded(); // the mouse only reaches what is on screen
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByText("1 mark: damage marked with 1 circle.")).toBeVisible();
  await page.getByRole("button", { name: "Done marking" }).click();
  await expect(page.getByRole("img", { name: "Damage marked with 1 circle" })).toBeVisible();

  await page.getByRole("button", { name: "Save repair" }).click();
  await expect(page.getByText("Repair 1 on unit MARK-1 saved on this device")).toBeVisible();
  const capture = (await readQueuedMutations(page)).find(
    (m) => m.type === "repair.capture" && (m.payload as { unitNumber: string }).unitNumber === "MARK-1",
  );
  const [attachment] = (capture?.payload as { attachments: { marks?: Array<Record<string, number | string>> }[] })
    .attachments;
  expect(attachment?.marks).toEqual([
    { kind: "circle", cx: expect.closeTo(0.5, 1), cy: expect.closeTo(0.5, 1), r: expect.closeTo(0.1, 1) },
  ]);
});
