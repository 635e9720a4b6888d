// /walk's home is drawn from the last answers kept on the device before the device database's
// code (Dexie) has arrived, and a tap that needs the database waits for it rather than failing.
import { expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { signIn } from "../support/sign-in";
import { LOT, prepareForOffline, syncSummary } from "../support/walk-device";

const CUSTOMER = "Interstate Freight Lines";

// No service worker: its precache would serve the chunks without the routes below seeing them.
test.use({
  viewport: { width: 412, height: 915 },
  permissions: ["geolocation"],
  geolocation: LOT,
  serviceWorkers: "block",
});

test("home shows the walks, queue and offline data before Dexie loads; Start waits for it", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, CUSTOMER);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/walk$/);
  await prepareForOffline(page);
  await expect(page.getByRole("button", { name: `Start walk at ${CUSTOMER}` })).toBeVisible();

  // Dexie's chunk is held back on the next load until the test lets it through.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("DexieError")) {
      held++;
      await released;
    }
    await route.fulfill({ response, body });
  });

  await page.reload();
  await expect(page.getByRole("button", { name: `Start walk at ${CUSTOMER}` })).toBeVisible();
  await expect(syncSummary(page)).toContainText("Everything is synced");
  const stored = page.getByRole("definition").filter({ hasText: /ago|just now/ });
  await expect(stored).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect.poll(() => held, { message: "Dexie's chunk is requested at idle time" }).toBe(1);

  await page.getByRole("button", { name: `Start walk at ${CUSTOMER}` }).click();
  await expect(page.getByRole("button", { name: "Getting location…" })).toBeVisible();
  release();
  await expect(page.getByRole("heading", { name: `Walk at ${CUSTOMER}` })).toBeVisible();
});

test("a first visit loads no device code and creates no database until the first Prepare", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, CUSTOMER);
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  const dexieLoaded = async () => {
    for (const url of scripts)
      if ((await page.request.get(url).then((r) => r.text())).includes("DexieError")) return true;
    return false;
  };
  await signIn(page, email);
  await expect(page).toHaveURL(/\/walk$/);
  await expect(page.getByText(/No walks on this device/)).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible(); // session.me answered, at idle time
  await page.waitForLoadState("networkidle");
  expect(await dexieLoaded(), "Dexie's chunk was fetched on a first visit").toBe(false);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain("rs-field");

  await prepareForOffline(page);
  await expect(page.getByRole("button", { name: `Start walk at ${CUSTOMER}` })).toBeVisible();
  expect(await dexieLoaded()).toBe(true);
});
