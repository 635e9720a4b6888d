// Acceptance (5): an admin creates a customer user (company, primary contact) on a phone-
// sized screen; they sign in and land on /portal. Deactivating the account ends its access.
import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";
import { trpcQuery } from "../support/trpc";
import { VALLEY, newUserForm, signInAsAdmin } from "./admin-screen";

test.use({ viewport: { width: 390, height: 844 } });

test("a customer user created on the screen signs in and lands on /portal", async ({ page, browser }) => {
  const email = `fleet.manager.${Date.now()}@valley.example`;
  const password = "valley-pass-1";
  await signInAsAdmin(page);
  const form = await newUserForm(page, "Customer user", "Riley Valley", email);
  await form.getByLabel("Password").fill("short");
  await form.getByLabel("Company").selectOption({ label: VALLEY });
  await form.getByLabel("Primary contact").check();
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("alert")).toHaveText("A password has 8 to 200 characters.");
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toHaveText(`Account created for ${email}`);

  await page.getByLabel("Search").fill(email);
  const account = page.getByRole("list", { name: "Accounts" }).getByRole("listitem", { name: "Riley Valley" });
  await expect(account).toContainText("Customer user");
  await expect(account).toContainText(`${VALLEY} · primary contact`);

  const customer = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(customer, email, password);
  await expect(customer).toHaveURL(/\/portal$/);
  await expect(customer.getByRole("heading", { level: 1, name: "Your fleet" })).toBeVisible();
  await expect(customer.getByText(`Signed in as ${email}`)).toBeVisible();

  await account.getByRole("button", { name: "Deactivate" }).click();
  await expect(account).toContainText("Deactivated");
  expect(await trpcQuery(customer.request, "session.me")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
  await customer.close();
});
