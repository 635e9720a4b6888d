// Reading a painted unit number from a photo (OCR), offline after one use online: the reader's
// files are self-hosted under /scan/ocr/ and kept by the service worker; what it reads is only a
// proposal until the technician taps Use.
import path from "node:path";
import { type Page, expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { signIn } from "../support/sign-in";
import { LOT, prepareForOffline, waitForServiceWorkerControl } from "../support/walk-device";

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/ocr");
const CUSTOMER = "Summit Car Rentals";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation"], geolocation: LOT });

async function readPainted(page: Page, file: string) {
  await page.getByRole("button", { name: "Scan" }).click();
  await expect(page.getByRole("button", { name: "Photo of a painted number" })).toBeVisible();
  await page.getByTestId("ocr-file").setInputFiles(path.join(FIXTURES, file));
}

test("a photo of a painted unit number proposes the unit, online and then offline", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, CUSTOMER);
  const unitNumber = page.getByLabel("Unit number");
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") console.log(`browser: ${m.text()}`);
  });

  await test.step("online: the first read loads the reader from this site and proposes SR-105", async () => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/walk$/);
    await prepareForOffline(page);
    await waitForServiceWorkerControl(page);
    await page.getByRole("button", { name: `Start walk at ${CUSTOMER}` }).click();
    await readPainted(page, "white-box-truck-straight.jpg");
    await expect(page.getByText("Read “SR-105”: is it unit SR-105?")).toBeVisible({ timeout: 90_000 });
    await expect(unitNumber).toHaveValue(""); // a proposal, not applied
    await page.getByRole("button", { name: "Use unit SR-105" }).click();
    await expect(unitNumber).toHaveValue("SR-105");
    await expect(page.getByText(/completed repairs? on this windshield/)).toBeVisible();
    const origin = new URL(baseURL!).origin;
    expect(
      requests.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")),
    ).toEqual([]);
    const cached = await page.evaluate(async () =>
      (await (await caches.open("rs-scan-assets")).keys()).map((r) => new URL(r.url).pathname),
    );
    expect(cached).toEqual(expect.arrayContaining(["/scan/ocr/worker.min.js", "/scan/ocr/eng.traineddata.gz"]));
  });

  await context.setOffline(true);
  await page.reload();
  await expect(unitNumber).toBeVisible();

  await test.step("offline: another photo is read from the cache; garbage proposes nothing", async () => {
    await unitNumber.fill("");
    await readPainted(page, "dark-trailer-soft.jpg");
    await expect(page.getByRole("button", { name: "Use unit SR-105" })).toBeVisible({ timeout: 90_000 });
    await page.getByRole("button", { name: "Not this", exact: true }).click();
    await expect(unitNumber).toHaveValue("");
    await page.getByTestId("ocr-file").setInputFiles(path.join(import.meta.dirname, "../fixtures/windshield-chip.jpg"));
    await expect(page.getByText(/No unit number could be read from this photo/)).toBeVisible({ timeout: 60_000 });
    await expect(unitNumber).toHaveValue("");
  });
});
