import { type Page, expect } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndLand(page: Page, email: string, home: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}
