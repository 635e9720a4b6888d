// A tab opened by the address (/admin?tab=units) is in the server's HTML, but its code is a chunk of
// its own and hydrates after the rest of the screen. What the admin types into it in that moment
// must not be wiped by the hydration (it was: a unit number typed, then gone; a customer chosen for
// invoicing, then "no customer" and a button that never enabled). Here the chunk is held back on
// purpose, so the moment lasts long enough to type in it every time.
import { expect, test } from "@playwright/test";
import { VALLEY, customerIdOf, signInAsAdmin } from "./admin-screen";

const HOLD_MS = 2_000;

test("what is typed into a tab whose code is still on its way is kept", async ({ page }) => {
  await signInAsAdmin(page);
  const valleyId = await customerIdOf(page.request, VALLEY);
  let released = false;
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("Add a unit")) {
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      released = true;
    }
    await route.fulfill({ response, body });
  });

  await page.goto(`/admin?tab=units&customer=${valleyId}`);
  const unitNumber = page.getByRole("form", { name: "Add a unit" }).getByLabel("Unit number");
  await unitNumber.fill("VA-LATE-1");
  // The screen re-renders while the panel still waits for its code (here an address change, as the
  // app's own tab and customer choices make): React then draws the panel anew instead of hydrating it.
  await page.evaluate(() => window.history.pushState(null, "", `${window.location.search}&seen=1`));
  await expect.poll(() => released, { timeout: 15_000 }).toBe(true);
  // Time for the panel to hydrate once its code is there; the text must still be in the field then.
  await page.waitForTimeout(1_000);
  await expect(unitNumber).toHaveValue("VA-LATE-1");
});
