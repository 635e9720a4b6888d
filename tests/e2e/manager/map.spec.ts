// The walk's map draws its markers even when no map tile can load (no signal, blocked tiles):
// every request leaving the app is refused here.
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { newCustomer, uniqueUnit, walkWithFinds } from "./setup";

test("the map of a walk shows a marker per find with tiles blocked", async ({ page, playwright, baseURL }) => {
  const app = new URL(baseURL!).host;
  const refused: string[] = [];
  await page.route(
    (url) => url.host !== app,
    (route) => {
      refused.push(route.request().url());
      return route.abort();
    },
  );
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const [north, south] = [uniqueUnit("MAP"), uniqueUnit("MAP")];
  await walkWithFinds(tech, customerId, [
    { unitNumber: north, latitude: 39.7401, longitude: -104.9903 },
    { unitNumber: south, latitude: 39.7389, longitude: -104.9881 },
  ]);

  await signInAndLand(page, "manager@demo.test", "/manager");
  // The queue comes a page of walks at a time: this test's walk, by its customer.
  await page.getByRole("combobox", { name: "Customer" }).selectOption(customerId);
  const group = page.locator("section.mgr-group", { has: page.getByRole("article", { name: `Unit ${north}` }) });
  // The map loads once scrolled near.
  await group.scrollIntoViewIfNeeded();
  const map = group.getByTestId("repair-map");
  await expect(map).toBeVisible();
  await expect(map.locator(`.leaflet-marker-icon[title="Unit ${north}"]`)).toBeVisible();
  await expect(map.locator(`.leaflet-marker-icon[title="Unit ${south}"]`)).toBeVisible();
  await expect(map.locator(".leaflet-marker-icon")).toHaveText(["1", "2"]);
  // Each card names its pin (newest first in the queue, so the order of the pins follows the cards).
  await expect(group.getByRole("article", { name: `Unit ${south}` }).getByLabel(/^Map pin [12]$/)).toBeVisible();
  expect(
    refused.some((url) => url.includes("tile.openstreetmap.org")),
    "the map asked for tiles, and got none",
  ).toBe(true);

  // A marker is a keyboard stop that leads to its repair's card.
  await map.locator(`.leaflet-marker-icon[title="Unit ${south}"]`).focus();
  await page.keyboard.press("Enter");
  await expect(group.getByRole("article", { name: `Unit ${south}` })).toBeInViewport();
});
