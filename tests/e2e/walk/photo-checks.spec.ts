// The photo checks on the phone, offline: a blurred or a dark damage photo is kept but the
// technician is told at once what is wrong and that it may be retaken; a sharp one passes quietly.
// The blurred and dark fixtures are the sharp one passed through a canvas blur and darkening.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { LOT, PHOTO, startWalkOffline } from "../support/walk-device";

const FIXTURES = path.dirname(PHOTO);
const BLURRED = path.join(FIXTURES, "windshield-chip-blurred.jpg");
const DARK = path.join(FIXTURES, "windshield-chip-dark.jpg");
const CUSTOMER = "Summit Car Rentals";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation"], geolocation: LOT });

test("a blurred or dark photo warns the technician at once, offline; a sharp one does not", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  const email = await technicianWithWalkAt(playwright, baseURL!, CUSTOMER);
  await startWalkOffline(context, page, email, CUSTOMER);
  await page.getByLabel("Unit number").fill("PC-1");
  await page.getByRole("button", { name: "Add new unit PC-1" }).click();

  const photo = page.getByLabel("Add damage photo");
  await photo.setInputFiles(BLURRED);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible();
  const warnings = page.getByRole("alert").filter({ hasText: /^Damage photo/ });
  await expect(warnings).toHaveText([
    "Damage photo 1: The photo looks blurred: hold still and retake it. You may keep it or remove it and retake it.",
  ]);

  await photo.setInputFiles(PHOTO);
  await expect(page.getByText("2 damage photos", { exact: true })).toBeVisible();
  await expect(warnings).toHaveCount(1); // the sharp one passes quietly

  // Retaking: the blurred one is removed, its warning with it.
  await page.getByRole("button", { name: "Remove damage photo 1" }).click();
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible();
  await expect(warnings).toHaveCount(0);

  await photo.setInputFiles(DARK);
  await expect(warnings).toHaveText([
    "Damage photo 2: The photo is too dark to show the damage: add light and retake it. You may keep it or remove it and retake it.",
  ]);
});
