// Audit reports: the admin filters the audit log by record, action and today's date, downloads the
// filtered log as CSV whose rows are the entries on screen, and reads today's period report (price
// overrides, approvals, settings changes). Anyone but an admin gets 404 for the CSV.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ok } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { trpcMutation } from "../support/trpc";
import { signInAsAdmin } from "./admin-screen";

// The filter's days are the business's (the server's default zone): the admin's browser is in that zone, so
// its "today" is the business's whatever the hour of the run (at 01:00 UTC they are different days).
test.use({ viewport: { width: 1280, height: 900 }, timezoneId: "America/Denver" });

test("the filtered audit log downloads as CSV matching the screen, with the period report", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const name = `Audit Fleet ${randomUUID().slice(0, 6)}`;
  const customer = await ok(trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name }));

  await signInAsAdmin(page);
  await page.getByRole("tab", { name: "Audit" }).click();
  const report = page.getByTestId("audit-report");
  await expect(report.getByRole("heading", { name: /^Settings changes: \d+$/ })).toBeVisible();

  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  const filters = page.getByRole("form", { name: "Audit filters" });
  await filters.getByLabel("Record", { exact: true }).selectOption("Customer");
  await filters.getByLabel("Record id (optional)").fill(customer.id);
  await filters.getByLabel("Action").fill("customer.");
  await filters.getByLabel("From").fill(today);
  await filters.getByLabel("To").fill(today);
  await filters.getByRole("button", { name: "Show entries" }).click();
  await expect(page.getByRole("heading", { name: `Period report: ${today} to ${today}` })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the filtered audit log (CSV)" }).click(),
  ]);
  const lines = readFileSync((await download.path())!, "utf8")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe("at,actor,actor_email,action,entity_type,entity_id,changes,ip");
  const rows = lines.slice(1);
  // The list keeps the previous page on screen until the filtered one arrives: wait for the
  // filtered entries, as many as the CSV's rows, each the new customer's.
  const entries = page.getByRole("list", { name: "Audit entries" }).getByRole("listitem");
  await expect(entries).toHaveCount(rows.length);
  for (const entry of await entries.all()) await expect(entry).toContainText(`Customer ${name}`);
  for (const row of rows) {
    expect(row).toContain(`,Customer,${customer.id},`);
    expect(row).toMatch(/,customer\.[A-Za-z]+,/);
  }
  expect(rows.some((row) => row.includes(",customer.create,"))).toBe(true);

  const manager = await signedInApi(playwright, baseURL!, "manager@demo.test");
  expect((await manager.get("/api/admin/audit-csv")).status()).toBe(404);
  await manager.dispose();
  await admin.dispose();
});
