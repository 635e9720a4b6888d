import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signIn, signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";

const HOMES = [
  { email: "admin@demo.test", home: "/admin", heading: "Business administration" },
  { email: "manager@demo.test", home: "/manager", heading: "Approvals and team" },
  { email: "tech@demo.test", home: "/walk", heading: "Today's lot walks" },
  { email: "customer@demo.test", home: "/portal", heading: "Your fleet" },
] as const;

// Which home each demo user may open, written out: every other home answers 403.
const MAY_OPEN: Record<string, string[]> = {
  "admin@demo.test": ["/admin", "/manager", "/walk"],
  "manager@demo.test": ["/manager", "/walk"],
  "tech@demo.test": ["/walk"],
  "customer@demo.test": ["/portal"],
};

for (const { email, home, heading } of HOMES) {
  test(`${email} signs in and lands on ${home}`, async ({ page }) => {
    await signInAndLand(page, email, home);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

    for (const other of ["/walk", "/manager", "/admin", "/portal"]) {
      const response = await page.goto(other);
      if (MAY_OPEN[email]!.includes(other)) {
        expect(response?.status(), `${email} opens ${other}`).toBe(200);
      } else {
        expect(response?.status(), `${email} is refused ${other}`).toBe(403);
        await expect(page.getByRole("heading", { name: "403 · Not allowed" })).toBeVisible();
      }
    }

    await page.goto(home);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(home);
    await expect(page).toHaveURL(/\/login\?next=/);
  });
}

test("signed-out visitors are sent to /login and come back after signing in", async ({ page }) => {
  await page.goto("/walk");
  await expect(page).toHaveURL(/\/login\?next=%2Fwalk$/);
  await page.getByLabel("Email").fill("manager@demo.test");
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/walk$/);
});

test("a wrong password gets a clear message, never a stack trace", async ({ page }) => {
  await signIn(page, "tech@demo.test", "not-the-password");
  await expect(page.locator("form [role=alert]")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "nobody@demo.test", "whatever");
  await expect(page.locator("form [role=alert]")).toHaveText("Wrong email or password.");
});

test("repeated failures are slowed down, even for the right password", async ({ page, playwright, baseURL }) => {
  // An account of its own: the throttle lasts long enough to lock out a later spec's demo user.
  const email = `throttled.${Date.now()}@rs.example`;
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  expect(
    await trpcMutation(admin, "admin.createUser", {
      role: "TECHNICIAN",
      name: "Throttle Test",
      email,
      password: "right-pass-1",
    }),
  ).toMatchObject({ ok: true });
  await admin.dispose();
  for (let i = 0; i < 4; i++) {
    await signIn(page, email, `wrong-${i}`);
    await expect(page.locator("form [role=alert]")).toHaveText("Wrong email or password.");
  }
  await signIn(page, email, "right-pass-1");
  await expect(page.locator("form [role=alert]")).toHaveText(/Too many failed sign-ins\. Try again in \d+ seconds?\./);
});
