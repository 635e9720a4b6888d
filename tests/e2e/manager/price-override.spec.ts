// A manager changes a repair's price with a reason, within their limit; beyond it the
// server's refusal is shown as written.
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { newCustomer, repairById, uniqueUnit, walkWithFinds } from "./setup";

test("a price is overridden with a reason and shown; an amount over the limit is refused with the domain's message", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const unit = uniqueUnit("PRICE");
  const { repairs } = await walkWithFinds(tech, customerId, [{ unitNumber: unit }]);

  await signInAndLand(page, "manager@demo.test", "/manager");
  const card = page.getByRole("article", { name: `Unit ${unit}` });
  await expect(card.getByTestId("repair-price")).toHaveText("$50.00");
  await card.getByRole("button", { name: "Change price…" }).click();
  const form = card.getByRole("form", { name: `New price for unit ${unit}` });
  await form.getByLabel(/New price in dollars/).fill("200");
  await form.getByLabel("Reason for the new price").fill("Long crack: extra resin and time");
  await form.getByRole("button", { name: "Save price" }).click();
  await expect(form.getByRole("alert")).toHaveText("the override $200.00 is over your $150.00 approval limit");

  await form.getByLabel(/New price in dollars/).fill("42.50");
  await form.getByRole("button", { name: "Save price" }).click();
  await expect(card.getByRole("status")).toHaveText(`Price of unit ${unit} set to $42.50.`);
  await expect(card.getByTestId("repair-price")).toHaveText("$42.50");
  await expect(card).toContainText("Price set by a manager: Long crack: extra resin and time");
  expect(await repairById(admin, repairs[0]!.id)).toMatchObject({
    estimateCents: 4250,
    overrideCents: 4250,
    overrideReason: "Long crack: extra resin and time",
  });
});
