// Online quick actions on the phone: a technician stars a customer on the phone's customer list;
// it moves to the top, and another device of theirs lists it first after preparing.
import { expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { signIn } from "../support/sign-in";
import { LOT, prepareForOffline } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation"], geolocation: LOT });

const CUSTOMER = "Interstate Freight Lines";

test("a favorite customer comes first on the phone, and on the technician's other device", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, null);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/walk$/);
  await prepareForOffline(page);

  const form = page.getByRole("form", { name: "Walk a lot without a schedule" });
  const picker = form.getByLabel("Customer");
  await picker.selectOption({ label: CUSTOMER });
  const star = form.getByRole("button", { name: `☆ Add ${CUSTOMER} to favorites` });
  const box = await star.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  await star.click();
  await expect(form.getByRole("button", { name: `★ Favorite: ${CUSTOMER}` })).toHaveAttribute("aria-pressed", "true");
  await expect(picker.locator("option").nth(1)).toHaveText(`★ ${CUSTOMER}`);

  // Another phone of the same technician: the star came with the prepared data.
  const other = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const second = await other.newPage();
  await signIn(second, email);
  await expect(second).toHaveURL(/\/walk$/);
  await prepareForOffline(second);
  await expect(
    second.getByRole("form", { name: "Walk a lot without a schedule" }).getByLabel("Customer").locator("option").nth(1),
  ).toHaveText(`★ ${CUSTOMER}`);
  await other.close();
});
