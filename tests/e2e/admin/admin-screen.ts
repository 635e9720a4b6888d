// Steps on the /admin screen shared by the admin specs, and the demo data they read.
import { type APIRequestContext, type Page, expect } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";
import { trpcQuery } from "../support/trpc";

export const VALLEY = "Valley Auto Dealers";

export async function signInAsAdmin(page: Page) {
  await signInAndLand(page, "admin@demo.test", "/admin");
}

export async function openCustomer(page: Page, name: string) {
  await page.getByRole("tab", { name: "Customers" }).click();
  await page.getByLabel("Search customers").fill(name);
  // Click only once the server's filtered list is shown: clicking while the unfiltered list
  // is replaced can land on a row that moves away under the pointer.
  const list = page.getByRole("list", { name: "Customers" });
  await expect(list).toHaveAttribute("aria-busy", "false");
  await expect(list.getByRole("button").filter({ hasNotText: name })).toHaveCount(0);
  await list.getByRole("button", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

/** Opens the Users tab's new-user form with the role, name and email filled in; the rest is the spec's. */
export async function newUserForm(
  page: Page,
  role: "Admin" | "Technician" | "Customer user",
  name: string,
  email: string,
) {
  await page.getByRole("tab", { name: "Users" }).click();
  await page.getByText("New user", { exact: true }).click();
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  return form;
}

/** Reads through the API what the screen is expected to have changed. */
export async function query<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const result = await trpcQuery<T>(request, path, input);
  if (!result.ok) throw new Error(`${path}: ${result.code} ${result.message}`);
  return result.data;
}

export async function customerIdOf(request: APIRequestContext, name: string): Promise<string> {
  const customers = await query<{ id: string; name: string }[]>(request, "admin.customers", { search: name });
  return customers.find((c) => c.name === name)!.id;
}
