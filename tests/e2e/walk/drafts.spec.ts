// Nothing typed or photographed on the lot is lost without a confirmation: the unit being
// captured is a draft on the device, brought back after "Next unit", "Back to walks", a reload
// (as when the camera app pushes the browser out of memory) and a closed tab; discarding it is
// a choice. A plain unit takes four actions and no scroll on a phone.
import { type Page, expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { LOT, PHOTO, readDevice, startWalkOffline, waitForServiceWorkerControl } from "../support/walk-device";

const CUSTOMER = "Summit Car Rentals";
test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation", "microphone"], geolocation: LOT });

type DraftRow = { unitNumber: string; fields: { damagePosition: string; technicianNotes: string } };

async function startUnit(page: Page, unitNumber: string) {
  await page.getByLabel("Unit number").fill(unitNumber);
  await page.getByLabel("Unit number").press("Enter");
  await expect(page.getByRole("heading", { name: `Unit ${unitNumber}`, exact: true })).toBeVisible();
}

/** Fields are written to the device as they are typed; wait until the last one is there. */
async function draftHolds(page: Page, unitNumber: string, position: string) {
  await expect
    .poll(
      async () =>
        (await readDevice<DraftRow>(page, "drafts")).find((d) => d.unitNumber === unitNumber)?.fields.damagePosition,
    )
    .toBe(position);
}

async function expectRestored(page: Page, unitNumber: string, position: string, notes: string) {
  await expect(page.getByRole("heading", { name: `Unit ${unitNumber}`, exact: true })).toBeVisible();
  await expect(page.getByLabel("Position")).toHaveValue(position);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Damage photo 1" })).toBeVisible();
  await expect(page.getByLabel("Technician notes")).toHaveValue(notes);
}

test("a unit being captured survives Next unit, Back, a reload and a closed tab, until saved or discarded", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, CUSTOMER);
  await startWalkOffline(context, page, email, CUSTOMER);

  await startUnit(page, "SR-110");
  await page.getByLabel("Position").fill("driver side, low");
  await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByText("More details", { exact: true }).click();
  await page.getByLabel("Technician notes").fill("chip behind the mirror");
  await draftHolds(page, "SR-110", "driver side, low");

  await test.step("Next unit asks first; Cancel stays, Keep as draft lists the unit as unfinished", async () => {
    await page.getByRole("button", { name: "Next unit" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Unit SR-110 is not saved" });
    await expect(dialog.getByRole("button", { name: "Keep as draft" })).toBeFocused();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByLabel("Position")).toHaveValue("driver side, low");
    await page.getByRole("button", { name: "Next unit" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Keep as draft" }).click();
    await expect(page.getByRole("listitem", { name: "Unfinished unit SR-110" })).toContainText(
      "SR-110 · Chip · driver side, low · 1 photo",
    );
  });

  await test.step("a reload on the walk comes back to the walk; Continue restores every field and the photo", async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: `Walk at ${CUSTOMER}` })).toBeVisible();
    await page.getByRole("button", { name: "Continue SR-110" }).click();
    await expectRestored(page, "SR-110", "driver side, low", "chip behind the mirror");
  });

  await test.step("a reload mid-form (the camera app's round trip) reopens the unit itself", async () => {
    await page.getByLabel("Position").fill("driver side, lower edge");
    await draftHolds(page, "SR-110", "driver side, lower edge");
    await page.reload();
    await expectRestored(page, "SR-110", "driver side, lower edge", "chip behind the mirror");
  });

  await test.step("Back to walks asks too; Discard draft removes it, files included", async () => {
    await page.getByRole("button", { name: "Back to walks" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Discard draft" }).click();
    await expect(page.getByRole("heading", { name: "Today's lot walks" })).toBeVisible();
    expect(await readDevice(page, "drafts")).toEqual([]);
    expect(await readDevice(page, "draftFiles")).toEqual([]);
  });

  await test.step("a tab closed mid-form: the next tab finds the unit under Unfinished units", async () => {
    await page.getByRole("button", { name: `Continue walk at ${CUSTOMER}` }).click();
    await startUnit(page, "SR-111");
    await page.getByLabel("Position").fill("passenger side");
    await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
    await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByText("More details", { exact: true }).click();
    await page.getByLabel("Technician notes").fill("star break");
    await draftHolds(page, "SR-111", "passenger side");
    await page.close();

    const next = await context.newPage();
    await next.goto("/walk");
    await waitForServiceWorkerControl(next);
    await next.getByRole("button", { name: `Continue walk at ${CUSTOMER}` }).click();
    await next.getByRole("button", { name: "Continue SR-111" }).click();
    await expectRestored(next, "SR-111", "passenger side", "star break");

    // Saved: the draft goes with the save, in the same transaction.
    await next.getByRole("button", { name: "Save repair" }).click();
    await expect(next.getByText("Repair 1 on unit SR-111 saved on this device.")).toBeVisible();
    expect(await readDevice(next, "drafts")).toEqual([]);
    expect(await readDevice(next, "draftFiles")).toEqual([]);
    await expect(next.getByRole("heading", { name: "Unfinished units" })).toHaveCount(0);
  });
});

test("a plain unit takes four actions and no scroll on a phone: unit, photo, Save, and the next unit is ready", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, CUSTOMER);
  await startWalkOffline(context, page, email, CUSTOMER);
  const scrolled = () => page.evaluate(() => window.scrollY);
  let actions = 0;

  await page.getByLabel("Unit number").fill("SR-112");
  actions++; // type the unit number
  await page.getByLabel("Unit number").press("Enter");
  actions++; // go
  await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
  actions++; // take the photo (chip is the default damage type)
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
  const save = page.getByRole("button", { name: "Save repair" });
  await expect(save).toBeInViewport();
  await save.click({ noWaitAfter: true });
  actions++;

  const saved = page.getByText("Repair 1 on unit SR-112 saved on this device.");
  await expect(saved).toBeInViewport();
  await expect(page.getByLabel("Unit number")).toBeFocused();
  expect(actions).toBeLessThanOrEqual(4);
  expect(await scrolled()).toBe(0);
});
