// Acceptance (3): fleet settings saved on the screen (after the server's own refusal of an
// incomplete schedule, shown word for word) appear in the audit log as before → after.
// Run at the size of a 10-inch tablet held upright.
import { expect, test } from "@playwright/test";
import { VALLEY, customerIdOf, openCustomer, signInAsAdmin } from "./admin-screen";

test.use({ viewport: { width: 800, height: 1280 } });

test("fleet settings save and show in the audit log with before → after", async ({ page }) => {
  await signInAsAdmin(page);
  await openCustomer(page, VALLEY);
  const form = page.getByRole("form", { name: "Fleet settings" });
  await expect(form.getByLabel("Fleet size (vehicles)")).toHaveValue("35");
  await form.getByLabel("Fleet size (vehicles)").fill("42");
  await form.getByLabel("Lot walking", { exact: true }).check();
  await form.getByRole("button", { name: "Save fleet settings" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Choose at least one weekday for lot walking, or turn lot walking off.",
  );

  const days = form.getByRole("group", { name: "Lot-walking days" });
  await days.getByLabel("Wednesday").check();
  await days.getByLabel("Friday").check();
  await form.getByLabel("Frequency").selectOption({ label: "Every two weeks" });
  await form.getByLabel("Time (optional)").fill("08:30");
  await form.getByLabel("Auto-approve lot repairs").check();
  await form.getByLabel("Auto-approve up to ($)").fill("75");
  await form.getByLabel("Service mode").selectOption({ label: "Both: scheduled and on call" });
  // Sam Okafor is blocked at Valley (demo data), so he cannot also be preferred.
  const preferred = form.getByRole("group", { name: "Preferred technicians" });
  await expect(preferred.getByLabel("Sam Okafor")).toBeDisabled();
  await preferred.getByLabel("Jordan Rivera").check();
  await expect(form.getByRole("group", { name: "Blocked technicians" }).getByLabel("Jordan Rivera")).toBeDisabled();
  await form.getByRole("button", { name: "Save fleet settings" }).click();
  // Not the only status: the form also says which technicians' offline copies the change makes stale.
  await expect(form.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(form.getByLabel("Auto-approve up to ($)")).toHaveValue("75.00");

  await page.getByRole("tab", { name: "Audit" }).click();
  const filters = page.getByRole("form", { name: "Audit filters" });
  await filters.getByLabel("Record", { exact: true }).selectOption("Customer");
  await filters.getByLabel("Record id (optional)").fill(await customerIdOf(page.request, VALLEY));
  await filters.getByLabel("Action").fill("customer.updateFleetSettings");
  await filters.getByLabel("Who").selectOption({ label: "Alex Admin (admin@demo.test)" });
  await filters.getByRole("button", { name: "Show entries" }).click();
  const entries = page.getByRole("list", { name: "Audit entries" }).getByRole("listitem");
  await expect(entries).toHaveCount(1);
  const entry = entries.first();
  await expect(entry).toContainText(`customer.updateFleetSettings · Customer ${VALLEY}`);
  await expect(entry).toContainText("Alex Admin");
  const change = (field: string) =>
    entry.locator(".admin-change").filter({ has: page.locator("dt", { hasText: new RegExp(`^${field}$`) }) });
  await expect(change("fleetSize")).toHaveText(/35\s*→\s*42/);
  await expect(change("lotWalkingEnabled")).toHaveText(/no\s*→\s*yes/);
  await expect(change("lotWalkingWeekdays")).toHaveText(/none\s*→\s*wednesday, friday/);
  await expect(change("lotWalkingFrequency")).toHaveText(/WEEKLY\s*→\s*BIWEEKLY/);
  await expect(change("lotWalkingTime")).toHaveText(/—\s*→\s*08:30/);
  await expect(change("maxAutoApproveCents")).toHaveText(/\$0\.00\s*→\s*\$75\.00/);
  await expect(change("preferredTechnicianIds")).toHaveText(/none\s*→\s*Jordan Rivera/);
  await expect(change("settingsVersion")).toHaveText(/1\s*→\s*2/);
});
