// Typing a unit number on the lot cannot create a second record of a known vehicle: "105" is
// Summit's SR-105, a new unit is an explicit choice, and a unit captured earlier on the same walk
// reopens its job so its next damage is the job's next break.
import { expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { LOT, PHOTO, captureUnit, readQueuedMutations, startWalkOffline } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation", "microphone"], geolocation: LOT });

test("a typed number resolves to the one known unit it names; a new unit and a second visit are explicit", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, "Summit Car Rentals");
  await startWalkOffline(context, page, email, "Summit Car Rentals");
  const unitNumber = page.getByLabel("Unit number");

  await test.step('"105" is SR-105, and adding a new unit 105 is a separate choice', async () => {
    await unitNumber.fill("105");
    await expect(page.getByText("105 is unit SR-105.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add unit SR-105" })).toBeEnabled();
    await expect(page.getByRole("button", { name: "Add new unit 105" })).toBeVisible();
  });

  await test.step("an ambiguous start offers the units, and no main button, until one is picked", async () => {
    await unitNumber.fill("SR-1");
    await expect(page.getByText(/\d+ units match SR-1: pick one, or add a new unit\./)).toBeVisible();
    await expect(page.getByRole("button", { name: "Add unit", exact: true })).toBeDisabled();
    await expect(page.getByRole("group", { name: "Matching units" }).getByRole("button")).toHaveCount(6);
  });

  await test.step("a number nobody knows is added only as a new unit", async () => {
    await unitNumber.fill("zz-999");
    await expect(page.getByRole("button", { name: "Add new unit ZZ-999" })).toBeEnabled();
    await expect(page.getByText("Not in this customer's fleet: it will be added to it.")).toBeVisible();
  });

  // Enter takes the resolved unit, as the main button would.
  await captureUnit(page, { type: "105", expected: "SR-105", damage: "Chip", position: "center" });

  await test.step("the same unit again on this walk continues its job at the next break", async () => {
    await unitNumber.fill("sr 105");
    await expect(
      page.getByText("Already captured on this walk (1 damage): the next damage is added to the same job."),
    ).toBeVisible();
    await unitNumber.press("Enter");
    await expect(page.getByRole("heading", { name: "Damage 2 on unit SR-105" })).toBeVisible();
    await page.getByLabel("Damage type").selectOption({ label: "Star break" });
    await page.getByLabel("Position").fill("passenger side");
    await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
    await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Save repair" }).click();
    await expect(page.getByText("Repair 2 on unit SR-105 saved on this device")).toBeVisible();

    const captures = (await readQueuedMutations(page))
      .filter((e) => e.type === "repair.capture")
      .map((e) => e.payload as { unitNumber: string; jobId: string; breakIndex: number });
    expect(captures).toHaveLength(2);
    expect(captures.map((c) => [c.unitNumber, c.breakIndex])).toEqual([
      ["SR-105", 0],
      ["SR-105", 1],
    ]);
    expect(captures[1]!.jobId).toBe(captures[0]!.jobId);
  });
});
