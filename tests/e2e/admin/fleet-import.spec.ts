// Acceptance (2): a fleet list of 30 units with 2 bad rows imports nothing and names the bad
// lines; fixed, all 30 are imported. Also: adding, correcting a unit, and marking its
// windshield replaced after a confirmation.
import { expect, test } from "@playwright/test";
import { VALLEY, customerIdOf, query, signInAsAdmin } from "./admin-screen";

type Unit = { unitNumber: string; make: string | null; windshieldSeq: number };

const HEADER = "unit_number,vin,make,model,year";
const row = (n: number) => `VA-IMP-${String(n).padStart(2, "0")},,Ford,Transit,2022`;
/** 30 units; rows 8 and 22 (lines 9 and 23) carry the given mistakes when `broken`. */
function fleetList(broken: boolean): string {
  const rows = Array.from({ length: 30 }, (_, i) => row(i + 1));
  if (broken) {
    rows[7] = "VA-IMP-08,,Ford,Transit,20X2";
    rows[21] = "VA-IMP-22,12345,Ford,Transit,2022";
  }
  return [HEADER, ...rows].join("\n") + "\n";
}

test("a fleet list with 2 bad rows out of 30 imports nothing and names them; fixed, it imports 30", async ({
  page,
}) => {
  await signInAsAdmin(page);
  const valleyId = await customerIdOf(page.request, VALLEY);
  const countUnits = async () =>
    (await query<Unit[]>(page.request, "unit.listForCustomer", { customerId: valleyId })).length;
  const before = await countUnits();

  await page.getByRole("tab", { name: "Units" }).click();
  await page.getByLabel("Customer").selectOption({ label: VALLEY });
  await expect(page.getByRole("heading", { name: `Fleet (${before} units)` })).toBeVisible();
  const form = page.getByRole("form", { name: "Import fleet list (CSV)" });
  await form
    .getByLabel("CSV file")
    .setInputFiles({ name: "valley-fleet.csv", mimeType: "text/csv", buffer: Buffer.from(fleetList(true)) });
  const text = form.getByLabel("Fleet list (loaded from the file, or pasted)");
  await expect(text).toHaveValue(fleetList(true));
  await form.getByRole("button", { name: "Import", exact: true }).click();

  const report = form.getByRole("alert", { name: "Import report" });
  await expect(report).toContainText("Nothing was imported. Fix the 2 rows below and import again.");
  const bad = report.getByRole("table", { name: "Bad rows" }).locator("tbody tr");
  await expect(bad).toHaveText([
    /Line 9\s*VA-IMP-08\s*the year "20X2" is not a four-digit year/,
    /Line 23\s*VA-IMP-22\s*the VIN "12345" is not 17 letters and digits/,
  ]);
  expect(await countUnits()).toBe(before);

  await text.fill(fleetList(false));
  await form.getByRole("button", { name: "Import", exact: true }).click();
  await expect(form.getByRole("status")).toHaveText("Imported 30 units.");
  await expect(text).toHaveValue("");
  await expect(page.getByRole("heading", { name: `Fleet (${before + 30} units)` })).toBeVisible();
  expect(await countUnits()).toBe(before + 30);
});

test("an admin adds a unit, corrects it, and marks its windshield replaced after confirming", async ({ page }) => {
  await signInAsAdmin(page);
  const valleyId = await customerIdOf(page.request, VALLEY);
  await page.goto(`/admin?tab=units&customer=${valleyId}`);

  const add = page.getByRole("form", { name: "Add a unit" });
  await add.getByLabel("Unit number").fill("VA-900");
  await add.getByLabel("VIN (optional)").fill("ABC");
  await add.getByRole("button", { name: "Add unit" }).click();
  await expect(add.getByRole("alert")).toHaveText(
    'This unit cannot be saved: the VIN "ABC" is not 17 letters and digits (no I, O or Q).',
  );
  await add.getByLabel("VIN (optional)").fill("1HGCM82633A004352");
  await add.getByLabel("Make (optional)").fill("Hond");
  await add.getByRole("button", { name: "Add unit" }).click();
  await expect(add.getByRole("status")).toHaveText("Unit VA-900 added");

  await page.getByLabel("Search units").fill("VA-900");
  await expect(page.getByRole("list", { name: "Units" }).getByRole("listitem")).toHaveCount(1);
  const unit = page.getByRole("listitem", { name: "Unit VA-900" });
  await unit.getByRole("button", { name: "Edit" }).click();
  await unit.getByLabel("Make (optional)").fill("Honda");
  await unit.getByRole("button", { name: "Save unit" }).click();
  await expect(unit.getByRole("status")).toHaveText("Saved");
  await expect(unit).toContainText("Honda");
  await unit.getByRole("button", { name: "Close" }).click();

  await unit.getByRole("button", { name: "Windshield replaced…" }).click();
  const confirm = unit.getByRole("group", { name: "Confirm windshield replaced on VA-900" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(unit).toContainText("Windshield #1");
  await unit.getByRole("button", { name: "Windshield replaced…" }).click();
  await confirm.getByRole("button", { name: "Yes, windshield replaced" }).click();
  await expect(unit.getByRole("status")).toHaveText("Windshield #2 on file");
  await expect(unit).toContainText("Windshield #2");
  const units = await query<Unit[]>(page.request, "unit.listForCustomer", { customerId: valleyId });
  expect(units.find((u) => u.unitNumber === "VA-900")).toMatchObject({ make: "Honda", windshieldSeq: 2 });
});
