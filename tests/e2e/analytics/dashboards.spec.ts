// The analytics dashboards from end to end on the demo business: the admin, a manager and a
// customer user each open theirs, change the period, and download a CSV whose rows are the
// table on the screen. An empty period says so; another customer's export is 404.
import { readFileSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/** The table's rows as "first cell | second cell" (name and repairs). */
async function tableRows(page: Page, testId: string): Promise<string[]> {
  const rows = page.getByTestId(testId).locator("tbody tr");
  const texts: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator("th, td");
    texts.push(`${(await cells.nth(0).innerText()).trim()} | ${(await cells.nth(1).innerText()).trim()}`);
  }
  return texts;
}

/** The downloaded CSV's rows the same way (first two fields; no field of these holds a comma). */
async function csvRows(page: Page, linkName: string): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  const text = readFileSync((await download.path())!, "utf8");
  return text
    .trim()
    .split("\r\n")
    .slice(1)
    .map((line) => line.split(",").slice(0, 2).join(" | "));
}

async function chooseCustom(page: Page, from: string, to: string) {
  await page.getByRole("button", { name: "Custom" }).click();
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Show period" }).click();
  await expect(page.getByTestId("period-range")).toContainText(`${from} to ${to}`);
}

test("the admin's business dashboard: period, KPIs, technicians CSV matching the table, an empty period", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAndLand(page, "admin@demo.test", "/admin");
  await page.getByRole("link", { name: "Analytics" }).click();
  await expect(page).toHaveURL(/\/admin\/analytics/);
  await expect(page.getByRole("heading", { name: "Business analytics" })).toBeVisible();
  await expect(page.getByTestId("kpi-completion")).toContainText("Target ≤ 2 h");

  await chooseCustom(page, daysAgo(60), daysAgo(5));
  await expect(page.getByTestId("technicians-table")).toBeVisible();
  const shown = await tableRows(page, "technicians-table");
  expect(shown.length).toBeGreaterThan(0);
  expect(await csvRows(page, "Download technicians (CSV)")).toEqual(shown);
  expect(await csvRows(page, "Download customers (CSV)")).toEqual(await tableRows(page, "customers-table"));
  await expect(page.getByTestId("margin")).toContainText("%");

  await page.goto("/admin/analytics?kind=day&anchor=2001-01-01");
  await expect(page.getByText("No repairs were completed from 2001-01-01 to 2001-01-01")).toBeVisible();
  await expect(page.getByText("No technician completed a repair in this period.")).toBeVisible();

  await page.goto(`/admin/analytics?kind=custom&from=2001-01-01&to=2025-01-01`);
  await expect(page.getByText("A custom period covers at most 5 years.")).toBeVisible();
});

test("a manager's team dashboard: change to the quarter, technicians CSV matching the table", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAndLand(page, "manager@demo.test", "/manager");
  await page.getByRole("navigation", { name: "Manager screens" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Team analytics" })).toBeVisible();
  await page.getByRole("button", { name: "Quarter" }).click();
  await expect(page).toHaveURL(/kind=quarter/);
  await page.getByRole("button", { name: "← Previous quarter" }).click();
  await page.getByRole("button", { name: "Next quarter →" }).click();
  await chooseCustom(page, daysAgo(60), daysAgo(5));
  const shown = await tableRows(page, "technicians-table");
  expect(shown.length).toBeGreaterThan(0);
  expect(await csvRows(page, "Download technicians (CSV)")).toEqual(shown);
  await expect(page.getByTestId("at-risk-table")).toBeVisible();
});

test("a customer's fleet dashboard: own fleet only, CSV matching the table, another customer's export 404", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAndLand(page, "customer@demo.test", "/portal");
  await page.getByRole("link", { name: "Fleet analytics" }).click();
  await expect(page.getByRole("heading", { name: "Fleet analytics" })).toBeVisible();
  await chooseCustom(page, daysAgo(60), daysAgo(5));
  const shown = await tableRows(page, "customers-table");
  expect(shown).toHaveLength(1);
  expect(await csvRows(page, "Download customers (CSV)")).toEqual(shown);
  await expect(page.getByTestId("technicians-table")).toHaveCount(0);
  const other = await page.request.get(
    `/api/analytics/customers.csv?kind=month&customer=00000000-0000-4000-8000-000000000000`,
  );
  expect(other.status()).toBe(404);
  const risk = page.getByTestId("at-risk-table");
  await expect(risk).toBeVisible();
  await page.getByTestId("accuracy-panel").getByText("How accurate is this").click();
  await expect(page.getByTestId("accuracy-panel")).toContainText("better than both");
});
