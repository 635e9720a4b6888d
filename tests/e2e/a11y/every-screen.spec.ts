// axe-core (WCAG 2.0/2.1 A and AA rules, and label-content-name-mismatch: voice control says
// what it sees) on every screen of every role, with its data loaded: no serious or critical
// violation anywhere. A new screen is added to SCREENS.
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";

test.use({ viewport: { width: 820, height: 1180 } });

const SCREENS: { role: string; email: string | null; home: string; paths: string[] }[] = [
  { role: "signed out", email: null, home: "/login", paths: ["/login"] },
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

for (const screen of SCREENS) {
  test(`no serious or critical axe violation on the ${screen.role}'s screens`, async ({ page }) => {
    test.setTimeout(30_000 + screen.paths.length * 30_000);
    if (screen.email) await signInAndLand(page, screen.email, screen.home);
    const found: string[] = [];
    for (const path of screen.paths) {
      await page.goto(path);
      await settled(page);
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
        .analyze();
      for (const v of results.violations)
        if (v.impact === "serious" || v.impact === "critical")
          found.push(
            `${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
          );
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}
