// "Captured on this walk" shows the units just captured, latest first, and the rest on request:
// a long walk keeps each save as quick as the first (the list does not redraw every unit).
import { expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { LOT, PHOTO, startWalkOffline } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation"], geolocation: LOT });

test("the latest five units are listed, latest first; earlier ones appear on request", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, "Summit Car Rentals");
  await startWalkOffline(context, page, email, "Summit Car Rentals");
  const units = ["SR-101", "SR-102", "SR-103", "SR-104", "SR-105", "SR-106", "SR-107"];
  for (const unit of units) {
    await page.getByLabel("Unit number").fill(unit);
    await page.getByLabel("Unit number").press("Enter");
    await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
    await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Save repair" }).click();
    await expect(page.getByText(`Repair 1 on unit ${unit} saved on this device`)).toBeVisible();
  }
  // A second damage on an early unit brings it back to the top, with both its repairs.
  await page.getByRole("button", { name: "Another damage on SR-107" }).waitFor();
  await page.getByLabel("Unit number").fill("SR-101");
  await page.getByLabel("Unit number").press("Enter");
  await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Save repair" }).click();
  await expect(page.getByText("Repair 2 on unit SR-101 saved on this device")).toBeVisible();

  const captured = page.getByRole("list", { name: "Captured units" });
  const headings = captured.getByRole("heading", { level: 3 });
  await expect(page.getByText("7 units, 8 repairs · latest first")).toBeVisible();
  await expect(headings).toHaveText(["Unit SR-101", "Unit SR-107", "Unit SR-106", "Unit SR-105", "Unit SR-104"]);
  await expect(captured.getByRole("listitem").first().getByRole("article")).toHaveCount(2);

  await page.getByRole("button", { name: "Show 2 more of 2 earlier units" }).click();
  await expect(headings).toHaveText([
    "Unit SR-101",
    "Unit SR-107",
    "Unit SR-106",
    "Unit SR-105",
    "Unit SR-104",
    "Unit SR-103",
    "Unit SR-102",
  ]);
  await expect(page.getByRole("button", { name: /more of/ })).toHaveCount(0);
});
