import { randomUUID } from "node:crypto";
import { type Locator, expect, test } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";

type Unit = { id: string; unitNumber: string; completedOnWindshield: number; history: { status: string }[] };

/** Picks a unit in the request form's searchable picker (fleets have 140+ units). */
async function pickUnit(form: Locator, unitNumber: string) {
  const change = form.getByRole("button", { name: "Change" });
  if (await change.isVisible()) await change.click();
  await form.getByLabel("Unit", { exact: true }).fill(unitNumber);
  await form
    .getByRole("group", { name: "Matching units" })
    .getByRole("button", { name: new RegExp(`^${unitNumber}\\b`) })
    .click();
}

test("a customer sees the price before requesting: $50 on a fresh unit, $40 for its second repair", async ({
  page,
}) => {
  await signInAndLand(page, "customer@demo.test", "/portal");
  const units = await trpcQuery<Unit[]>(page.request, "unit.listForCustomer", {});
  if (!units.ok) throw new Error(units.message);
  const fresh = units.data.find((u) => u.history.length === 0)!;
  const second = units.data.find((u) => u.completedOnWindshield === 1 && u.history.length === 1)!;
  expect(fresh && second, "the demo fleet has a unit without history and one with one repair").toBeTruthy();

  const form = page.getByRole("form", { name: "Request a repair" });
  await pickUnit(form, second.unitNumber);
  await expect(page.getByTestId("request-estimate")).toContainText("Price: $40.00");
  await pickUnit(form, fresh.unitNumber);
  await expect(page.getByTestId("request-estimate")).toContainText("Price: $50.00");
  await form.getByLabel("Damage", { exact: true }).selectOption("STAR_BREAK");
  await form.getByLabel("Where on the windshield (optional)").fill("driver side, lower");
  await form.getByRole("button", { name: "Request repair at $50.00" }).click();
  await expect(form.getByRole("status")).toHaveText(`Requested for unit ${fresh.unitNumber} at $50.00.`);
  const openWork = page.locator(".card", { has: page.getByRole("heading", { name: "Open work" }) });
  await expect(openWork.getByRole("row", { name: new RegExp(`${fresh.unitNumber}.*Star break`) })).toBeVisible();
});

test("a customer approves and denies pending lot-walk repairs in bulk", async ({ page }) => {
  await signInAndLand(page, "customer@demo.test", "/portal");
  const card = page.locator(".card", { has: page.getByRole("heading", { name: "Waiting for your approval" }) });
  const rows = card.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const [first, secondUnit] = [
    await rows.nth(0).locator("td").nth(1).innerText(),
    await rows.nth(1).locator("td").nth(1).innerText(),
  ];

  await card.getByLabel(`Select unit ${first}`).check();
  await card.getByRole("button", { name: "Approve 1 selected" }).click();
  await expect(rows).toHaveCount(1);

  await card.getByLabel(`Select unit ${secondUnit}`).check();
  await expect(card.getByRole("button", { name: "Deny 1 selected" })).toBeDisabled();
  await card.getByLabel("Reason (needed to deny)").fill("Windshield replacement is booked next week");
  await card.getByRole("button", { name: "Deny 1 selected" }).click();
  await expect(card.getByText("Nothing waits for your approval.")).toBeVisible();

  const approved = await trpcQuery<{
    items: { unit: { unitNumber: string }; approvedAt: string | null; approvalKind: string }[];
  }>(page.request, "repair.list", {
    status: ["APPROVED"],
  });
  expect(approved.ok && approved.data.items.find((r) => r.unit.unitNumber === first)?.approvalKind).toBe("MANUAL");
});

test("a customer never sees another customer's units or repairs, through pages or the API", async ({
  page,
  browser,
}) => {
  // What the other customer (Interstate Freight) has, seen by its own user.
  const other = await browser.newPage();
  await signInAndLand(other, "customer2@demo.test", "/portal");
  const theirUnits = await trpcQuery<Unit[]>(other.request, "unit.listForCustomer", {});
  const theirRepairs = await trpcQuery<{ items: { id: string; customerId: string }[] }>(
    other.request,
    "repair.list",
    {},
  );
  if (!theirUnits.ok || !theirRepairs.ok) throw new Error("the other customer's data could not be read");
  const theirUnit = theirUnits.data[0]!;
  const theirRepair = theirRepairs.data.items[0]!;
  await other.close();

  await signInAndLand(page, "customer@demo.test", "/portal");
  await expect(page.getByText(theirUnit.unitNumber)).toHaveCount(0);
  const mine = await trpcQuery<{ items: { customerId: string }[] }>(page.request, "repair.list", { limit: 100 });
  expect(mine.ok && mine.data.items.every((r) => r.customerId !== theirRepair.customerId)).toBe(true);
  expect(await trpcQuery(page.request, "repair.byId", { id: theirRepair.id })).toMatchObject({
    ok: false,
    code: "NOT_FOUND",
  });
  expect(await trpcQuery(page.request, "unit.listForCustomer", { customerId: theirRepair.customerId })).toMatchObject({
    ok: false,
    code: "NOT_FOUND",
  });
  expect(await trpcQuery(page.request, "repair.estimateForUnit", { unitId: theirUnit.id })).toMatchObject({
    ok: false,
    code: "NOT_FOUND",
  });
  expect(
    await trpcMutation(page.request, "repair.request", { id: randomUUID(), unitId: theirUnit.id, damageType: "CHIP" }),
  ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  expect(await trpcMutation(page.request, "repair.approve", { ids: [theirRepair.id] })).toMatchObject({ ok: false });
});

test("a customer finds a unit and reads its history on every windshield", async ({ page }) => {
  await signInAndLand(page, "customer@demo.test", "/portal");
  const units = page.locator(".card", { has: page.getByRole("heading", { name: "Units" }) });
  // The list is asked for once scrolled near (it is far down the portal).
  await page.getByRole("heading", { name: "Units", exact: true }).scrollIntoViewIfNeeded();
  await expect(units.locator("details")).toHaveCount(24);
  await units.getByLabel("Find a unit").fill("SR-1XX-none");
  await expect(units.getByText("No unit matches “SR-1XX-none”.")).toBeVisible();
  await units.getByLabel("Find a unit").fill("SR-103");
  await expect(units.locator("details")).toHaveCount(1);
  await units.locator("summary").click();
  await expect(units.getByRole("region", { name: "Windshield 1 (current)" }).getByRole("row").first()).toBeVisible();
});

test("a customer's request carries a damage photo, which only their company can open", async ({ page, browser }) => {
  await signInAndLand(page, "customer@demo.test", "/portal");
  const units = await trpcQuery<Unit[]>(page.request, "unit.listForCustomer", {});
  if (!units.ok) throw new Error(units.message);
  const unit = units.data.filter((u) => u.history.length === 0).at(-1)!;
  const form = page.getByRole("form", { name: "Request a repair" });
  await pickUnit(form, unit.unitNumber);
  await form.getByLabel("Photo of the damage (optional)").setInputFiles("tests/e2e/fixtures/windshield-chip.jpg");
  await expect(form.getByText(/Photo ready \(\d+ KB\)\./)).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: "Request repair at $50.00" }).click();
  await expect(page.getByTestId("request-photo-status")).toHaveText("Photo received.", { timeout: 30_000 });

  const history = await trpcQuery<{
    items: {
      unitNumber: string;
      windshields: { repairs: { attachments: { id: string; uploadedAt: string | null }[] }[] }[];
    }[];
  }>(page.request, "portal.units", { search: unit.unitNumber });
  const photo = history.ok ? history.data.items[0]!.windshields[0]!.repairs[0]!.attachments[0]! : null;
  expect(photo?.uploadedAt).toBeTruthy();
  const mine = await page.request.get(`/api/attachments/${photo!.id}/content`);
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-type"]).toBe("image/jpeg");

  const other = await browser.newPage();
  await signInAndLand(other, "customer2@demo.test", "/portal");
  expect((await other.request.get(`/api/attachments/${photo!.id}/content`)).status()).toBe(404);
  await other.close();
});
