// A sign-in link carrying another site in `next` must not take a signed-in user off the site.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../support/sign-in";

const HOSTILE = [
  "//example.invalid/x",
  "/\\example.invalid/x",
  "/\t/example.invalid/x",
  "https://example.invalid/x",
  "/..//example.invalid/x",
];

for (const next of HOSTILE) {
  test(`signing in from /login?next=${next} ends on the app's own page`, async ({ page, baseURL }) => {
    const left: string[] = [];
    // Never reach the network: a request to the hostile host is the failure this test looks for.
    await page.route(
      (url) => url.hostname.endsWith("example.invalid"),
      async (route) => {
        left.push(route.request().url());
        await route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Left the site</h1>" });
      },
    );
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill("tech@demo.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    expect(left).toEqual([]);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/walk");
    await expect(page.getByRole("heading", { level: 1, name: "Today's lot walks" })).toBeVisible();
  });
}
