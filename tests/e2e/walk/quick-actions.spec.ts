// Online quick actions on the phone: a technician stars a customer on the phone's customer list;
// it moves to the top, and another device of theirs lists it first after preparing. From a repair
// of My work, Mark as Urgent and Request Parts reach the office at once.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ok, technicianIdOf, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { trpcMutation, trpcQuery } from "../support/trpc";
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

test("from a repair of My work, the technician marks it urgent and orders a part; the office sees both", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const [summit] = await ok(trpcQuery<{ id: string }[]>(admin, "admin.customers", { search: "Summit Car Rentals" }));
  const unitNumber = uniqueUnit("QA");
  const unit = await ok(
    trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: summit!.id, unitNumber }),
  );
  const customer = await signedInApi(playwright, baseURL!, "customer@demo.test");
  const requested = await ok(
    trpcMutation<{ id: string }>(customer, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
  );
  const manager = await signedInApi(playwright, baseURL!, "manager@demo.test");
  await ok(
    trpcMutation(manager, "repair.assign", {
      repairId: requested.id,
      technicianId: await technicianIdOf(admin, "Taylor Tech"),
    }),
  );

  await signIn(page, "tech@demo.test");
  await expect(page).toHaveURL(/\/walk$/);
  await prepareForOffline(page);
  await page
    .getByRole("region", { name: "My work" })
    .getByRole("button", { name: new RegExp(`Unit ${unitNumber}`) })
    .click();
  const work = page.getByRole("dialog", { name: `Unit ${unitNumber}` });
  const actions = work.getByRole("region", { name: "Quick actions" });

  const urgent = actions.getByRole("button", { name: "Mark as urgent" });
  expect((await urgent.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  await urgent.click();
  await expect(actions.getByText("Marked urgent: the office sees it first.")).toBeVisible();

  await actions.getByRole("button", { name: "Request parts" }).click();
  await actions.getByRole("textbox", { name: "Part" }).fill("Resin kit, 10 ml");
  await actions.getByRole("spinbutton", { name: "Quantity" }).fill("2");
  await actions.getByRole("button", { name: "Send parts request" }).click();
  await expect(actions.getByText("2 × Resin kit, 10 ml: Requested")).toBeVisible();

  const repair = await ok(trpcQuery<{ urgent: boolean }>(admin, "repair.byId", { id: requested.id }));
  expect(repair.urgent).toBe(true);
  const parts = await ok(
    trpcQuery<{ repairId: string; item: string; quantity: number; status: string }[]>(admin, "parts.forRepair", {
      repairId: requested.id,
    }),
  );
  expect(parts).toMatchObject([{ item: "Resin kit, 10 ml", quantity: 2, status: "REQUESTED" }]);
});
