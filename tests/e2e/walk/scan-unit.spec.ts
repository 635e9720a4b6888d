// Identifying the unit without typing, offline after one online visit: a still photo of an asset
// tag's QR fills the unit and shows its history; a new vehicle's VIN prefills its year and make
// (sent with the capture that creates it); a VIN with a wrong check digit fills nothing.
import path from "node:path";
import { type Page, expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { technicianWithWalkAt } from "../support/own-walk";
import { signIn } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import {
  LOT,
  PHOTO,
  prepareForOffline,
  readQueuedMutations,
  waitForServiceWorkerControl,
} from "../support/walk-device";

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/scan");
const CUSTOMER = "Summit Car Rentals";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation"], geolocation: LOT });

/** Summit's SR-105 carries the asset tag FLT-00105 (set through the admin API, as an admin would). */
async function tagUnit(playwright: Parameters<typeof technicianWithWalkAt>[0], baseURL: string) {
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  try {
    const customers = await trpcQuery<{ id: string }[]>(admin, "admin.customers", { search: CUSTOMER });
    if (!customers.ok) throw new Error(customers.message);
    const units = await trpcQuery<{ id: string; unitNumber: string }[]>(admin, "unit.listForCustomer", {
      customerId: customers.data[0]!.id,
    });
    if (!units.ok) throw new Error(units.message);
    const unit = units.data.find((u) => u.unitNumber === "SR-105")!;
    const tagged = await trpcMutation(admin, "admin.updateUnit", { unitId: unit.id, assetTag: "FLT-00105" });
    if (!tagged.ok) throw new Error(tagged.message);
  } finally {
    await admin.dispose();
  }
}

async function scanStill(page: Page, file: string) {
  await page.getByRole("button", { name: "Scan" }).click();
  await expect(page.getByRole("button", { name: "Photo of the code" })).toBeVisible();
  await page.getByTestId("scan-file").setInputFiles(path.join(FIXTURES, file));
}

test("scanning a tag or a VIN label identifies the unit offline", async ({ page, context, playwright, baseURL }) => {
  test.setTimeout(180_000);
  await tagUnit(playwright, baseURL!);
  const email = await technicianWithWalkAt(playwright, baseURL!, CUSTOMER);
  const unitNumber = page.getByLabel("Unit number");
  page.on("console", (m) => {
    if (m.type() === "error") console.log(`browser: ${m.text()}`);
  });

  await test.step("online: prepare, start the walk and open the scanner once (its decoder is kept)", async () => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/walk$/);
    await prepareForOffline(page);
    await waitForServiceWorkerControl(page);
    await page.getByRole("button", { name: `Start walk at ${CUSTOMER}` }).click();
    await page.getByRole("button", { name: "Scan" }).click();
    await expect
      .poll(
        () =>
          page.evaluate(async () =>
            (await (await caches.open("rs-scan-assets")).keys()).map((r) => new URL(r.url).pathname).sort(),
          ),
        { timeout: 60_000, message: "the scanner's files were never cached" },
      )
      .toEqual(["/scan/scan-worker.js", "/scan/zxing_reader.wasm"]);
    await page.getByRole("button", { name: "Close scanner" }).click();
  });

  await context.setOffline(true);
  // A fresh page offline (the walk screen reopens): the scanner comes from the service worker's cache.
  await page.reload();
  await expect(unitNumber).toBeVisible();

  await test.step("offline: a still of the asset tag's QR fills SR-105 and shows its history", async () => {
    await scanStill(page, "asset-tag-qr-rotated-blurred.jpg");
    await expect(unitNumber).toHaveValue("SR-105", { timeout: 30_000 });
    await expect(page.getByText("Scanned asset tag: unit SR-105.")).toBeVisible();
    await expect(page.getByText(/completed repairs? on this windshield/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Add unit SR-105" })).toBeEnabled();
  });

  await test.step("offline: a VIN with a wrong check digit fills nothing and says why", async () => {
    await unitNumber.fill("");
    await scanStill(page, "vin-qr-wrong-check-digit-straight.jpg");
    await expect(page.getByText(/was misread or mistyped/)).toBeVisible({ timeout: 30_000 });
    await expect(unitNumber).toHaveValue("");
    await page.getByRole("button", { name: "Close scanner" }).click();
  });

  await test.step("offline: a new vehicle's VIN label prefills year and make, sent with its first capture", async () => {
    await scanStill(page, "vin-qr-new-vehicle-rotated.jpg");
    const vehicle = page.getByRole("group", { name: "New vehicle from its VIN" });
    await expect(vehicle).toBeVisible({ timeout: 30_000 });
    await expect(vehicle.getByLabel("Year")).toHaveValue("2019");
    await expect(vehicle.getByLabel("Make")).toHaveValue("Ram");
    await expect(vehicle).toContainText("VIN 3C6UR5DL8KG512345");
    await unitNumber.fill("ram-77");
    await page.getByRole("button", { name: "Add new unit RAM-77" }).click();
    await expect(page.getByRole("heading", { name: "Unit RAM-77", exact: true })).toBeVisible();
    await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
    await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Save repair" }).click();
    await expect(page.getByText("Repair 1 on unit RAM-77 saved on this device")).toBeVisible();
    const capture = (await readQueuedMutations(page)).find(
      (m) => m.type === "repair.capture" && (m.payload as { unitNumber: string }).unitNumber === "RAM-77",
    );
    expect((capture?.payload as { newUnit?: unknown }).newUnit).toEqual({
      vin: "3C6UR5DL8KG512345",
      make: "Ram",
      year: 2019,
    });
  });
});
