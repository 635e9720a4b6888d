// The office's everyday account work on /admin: a new customer and its contact details; a new
// technician's working hours, a password reset told to them out of band, and a role change.
import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";
import { trpcQuery } from "../support/trpc";
import { newUserForm, signInAsAdmin } from "./admin-screen";

test("a new customer is created, its contact details corrected, and both stay after a reload", async ({ page }) => {
  const name = `Mesa Shuttle ${Date.now()}`;
  await signInAsAdmin(page);
  await page.getByText("New customer", { exact: true }).click();
  const create = page.getByRole("form", { name: "New customer" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Contact email (optional)").fill("dispatch@mesa.example");
  await create.getByRole("button", { name: "Create customer" }).click();
  await expect(create.getByRole("status")).toHaveText("Customer created");
  // The new customer opens at once, with an empty fleet that says what to do.
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();

  const contact = page.getByRole("form", { name: "Contact details" });
  await expect(contact.getByLabel("Contact email")).toHaveValue("dispatch@mesa.example");
  await contact.getByLabel("Phone").fill("303-555-0142");
  await contact.getByLabel("Address").fill("1200 Airport Blvd, Denver CO");
  await contact.getByRole("button", { name: "Save contact details" }).click();
  await expect(contact.getByRole("status")).toHaveText("Saved");

  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(contact.getByLabel("Phone")).toHaveValue("303-555-0142");
  await expect(contact.getByLabel("Address")).toHaveValue("1200 Airport Blvd, Denver CO");
});

test("a new technician gets working hours and a reset password, then becomes an admin", async ({ page, browser }) => {
  const email = `casey.${Date.now()}@rs.example`;
  const person = "Casey Fieldtech";
  await signInAsAdmin(page);
  const create = await newUserForm(page, "Technician", person, email);
  await create.getByLabel("Password").fill("first-pass-1");
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByRole("status")).toHaveText(`Account created for ${email}`);

  await test.step("working hours: Monday 07:00 to 15:30, Sunday off", async () => {
    await page.getByRole("tab", { name: "Technicians" }).click();
    await page.locator("summary", { hasText: person }).click();
    const form = page.getByRole("form", { name: `Rights of ${person}` });
    const hours = form.getByRole("group", { name: "Working hours" });
    await hours.getByLabel("Monday", { exact: true }).check();
    await hours.getByLabel("Monday start").fill("07:00");
    await hours.getByLabel("Monday end").fill("15:30");
    await hours.getByLabel("Sunday", { exact: true }).uncheck();
    await form.getByRole("button", { name: `Save ${person}` }).click();
    await expect(form.getByRole("status")).toHaveText("Saved");
    await page.reload();
    await page.locator("summary", { hasText: person }).click();
    await expect(hours.getByLabel("Monday start")).toHaveValue("07:00");
    await expect(hours.getByLabel("Monday end")).toHaveValue("15:30");
    await expect(hours.getByLabel("Sunday", { exact: true })).not.toBeChecked();
  });

  await test.step("a password reset: the old one stops working, the new one signs in", async () => {
    await page.getByRole("tab", { name: "Users" }).click();
    await page.getByLabel("Search").fill(email);
    const account = page.getByRole("list", { name: "Accounts" }).getByRole("listitem", { name: person });
    await account.getByRole("button", { name: "Reset password…" }).click();
    const reset = account.getByRole("form", { name: `Reset the password of ${person}` });
    await reset.getByLabel(`New password for ${person}`).fill("second-pass-2");
    await reset.getByRole("button", { name: "Set password" }).click();
    await expect(reset.getByRole("status")).toHaveText("Password reset");
  });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  try {
    await signIn(phone, email, "first-pass-1");
    await expect(phone.getByRole("alert").filter({ hasText: /password/i })).toBeVisible();
    await signIn(phone, email, "second-pass-2");
    await expect(phone).toHaveURL(/\/walk$/);

    await test.step("promoted to admin: the role change ends the phone's session; signed in again, it opens the admin screens", async () => {
      const account = page.getByRole("list", { name: "Accounts" }).getByRole("listitem", { name: person });
      await account.getByLabel(`Role of ${person}`).selectOption({ label: "Admin" });
      await account.getByRole("button", { name: "Change role" }).click();
      await expect(account.locator(".badge", { hasText: /^Admin$/ })).toBeVisible();
      expect(await trpcQuery(phone.request, "session.me")).toMatchObject({ ok: false });
      await signIn(phone, email, "second-pass-2");
      await expect(phone).toHaveURL(/\/admin$/);
      expect(await trpcQuery(phone.request, "session.me")).toMatchObject({ ok: true, data: { kind: "admin" } });
    });
  } finally {
    await phone.close();
  }
});
