// axe-core (WCAG 2.0/2.1 A and AA rules, and label-content-name-mismatch: voice control says
// what it sees) on every screen of every role, with its data loaded: no serious or critical
// violation anywhere. A new screen is added to SCREENS: a path, or the steps that open a
// sub-screen (a customer's detail, a unit's repairs, the walk screen).
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { signInAndLand } from "../support/sign-in";
import { trpcQuery } from "../support/trpc";
import { prepareForOffline } from "../support/walk-device";

test.use({ viewport: { width: 820, height: 1180 } });

/** A sub-screen reached by steps from a page: `name` is what a failure reports. */
type Steps = { name: string; open: (page: Page) => Promise<void> };

const VALLEY = "Valley Auto Dealers";

async function customerId(page: Page, name: string): Promise<string> {
  const found = await trpcQuery<{ id: string; name: string }[]>(page.request, "admin.customers", { search: name });
  if (!found.ok) throw new Error(found.message);
  return found.data.find((c) => c.name === name)!.id;
}

/** The admin's sub-screens of one customer: its detail (prices, settings, sites, rewards) and its units with one unit's repairs open. */
const ADMIN_CUSTOMER_SCREENS: Steps[] = [
  {
    name: `/admin customer detail (${VALLEY})`,
    open: async (page) => {
      await page.goto(`/admin?tab=customers&customer=${await customerId(page, VALLEY)}`);
      await expect(page.getByRole("heading", { level: 2, name: VALLEY })).toBeVisible();
    },
  },
  {
    name: `/admin units of ${VALLEY}, a unit's repairs open`,
    open: async (page) => {
      await page.goto(`/admin?tab=units&customer=${await customerId(page, VALLEY)}`);
      const units = page.getByRole("list", { name: "Units" });
      await units
        .getByRole("button", { name: /^Repairs of unit / })
        .first()
        .click();
      await expect(units.getByRole("region", { name: /^Repairs of unit / })).toBeVisible();
    },
  },
];

const SCREENS: { role: string; email: string | null; home: string; paths: (string | Steps)[] }[] = [
  { role: "signed out", email: null, home: "/login", paths: ["/login", "/survey/not-a-survey-link"] },
  { role: "technician", email: "tech@demo.test", home: "/walk", paths: ["/walk", "/walk/notifications"] },
  {
    role: "manager",
    email: "manager@demo.test",
    home: "/manager",
    paths: [
      "/manager",
      "/manager/walks",
      "/manager/route",
      "/manager/parts",
      "/manager/templates",
      "/manager/messages",
      "/manager/analytics",
      "/manager/quality",
      "/manager/notifications",
    ],
  },
  {
    role: "admin",
    email: "admin@demo.test",
    home: "/admin",
    paths: [
      "/admin",
      ...["technicians", "units", "users", "billing", "business", "quality", "audit", "api", "webhooks", "outbox"].map(
        (tab) => `/admin?tab=${tab}`,
      ),
      ...ADMIN_CUSTOMER_SCREENS,
      "/admin/analytics",
      "/admin/notifications",
      "/manager",
      "/forbidden",
    ],
  },
  {
    role: "customer",
    email: "customer@demo.test",
    home: "/portal",
    paths: ["/portal", "/portal/api-keys", "/portal/webhooks", "/portal/analytics", "/portal/notifications"],
  },
];

/** The screen with its lists loaded: no "Loading…" left (a live poll keeps the network busy, so no networkidle). */
async function settled(page: Page) {
  await page.waitForLoadState("load");
  await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 15_000 });
}

/** The serious and critical violations on the page as it is now, each named after `where`. */
async function violations(page: Page, where: string): Promise<string[]> {
  await settled(page);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

for (const screen of SCREENS) {
  test(`no serious or critical axe violation on the ${screen.role}'s screens`, async ({ page }) => {
    test.setTimeout(30_000 + screen.paths.length * 30_000);
    if (screen.email) await signInAndLand(page, screen.email, screen.home);
    const found: string[] = [];
    for (const path of screen.paths) {
      if (typeof path === "string") await page.goto(path);
      else await path.open(page);
      found.push(...(await violations(page, typeof path === "string" ? path : path.name)));
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}

// The walk's own screens, opened by taps on /walk: a technician of the test's own, so no other
// spec's walk is started.
test("no serious or critical axe violation on the technician's walk screens", async ({ page, playwright, baseURL }) => {
  test.setTimeout(150_000);
  const customer = "Summit Car Rentals";
  const email = await technicianWithWalkAt(playwright, baseURL!, customer);
  await signInAndLand(page, email, "/walk");
  await prepareForOffline(page);
  const found: string[] = [];
  await page.getByRole("button", { name: `Start walk at ${customer}` }).click();
  const unitNumber = page.getByLabel("Unit number");
  await expect(unitNumber).toBeVisible();
  found.push(...(await violations(page, "/walk: the walk screen")));
  await unitNumber.fill("AXE-1");
  await unitNumber.press("Enter");
  await expect(page.getByRole("button", { name: "Save repair" })).toBeVisible();
  found.push(...(await violations(page, "/walk: the damage form of a new unit")));
  expect(found, found.join("\n")).toEqual([]);
});
