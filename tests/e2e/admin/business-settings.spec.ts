// The Business settings tab: smart assignment's weights with their sum shown as typed; a sum
// other than 1 is refused by the server in words and nothing is saved.
import { expect, test } from "@playwright/test";
import { query, signInAsAdmin } from "./admin-screen";

type Settings = { assignmentWeights: Record<string, number> };

test("weights that do not add up to 1 are refused with their sum", async ({ page }) => {
  await signInAsAdmin(page);
  const before = await query<Settings>(page.request, "admin.businessSettings");
  await page.getByRole("tab", { name: "Business settings" }).click();
  const form = page.getByRole("form", { name: "Business settings" });
  await expect(form.getByText("Sum of the weights: 1")).toBeVisible();
  await form.getByLabel("Workload (fewest open repairs)").fill("0.5");
  await expect(form.getByText("Sum of the weights: 1.2 (must be 1)")).toBeVisible();
  await form.getByRole("button", { name: "Save business settings" }).click();
  await expect(form.getByRole("alert")).toHaveText("The weights must add up to 1 (they add up to 1.2).");
  expect(await query<Settings>(page.request, "admin.businessSettings")).toEqual(before);
});
