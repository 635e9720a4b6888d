// The public API from the office's side: an admin makes a key on the "API keys" tab, a program
// calls GET /api/v1/repairs with it, the admin revokes it and the next call is 401. And the
// reference page /api/docs renders from our own origin with every other host unreachable, under
// its policy, without a violation.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";

test("an admin creates a key, a program calls the API with it, the admin revokes it: 401", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAndLand(page, "admin@demo.test", "/admin");
  await page.getByRole("tab", { name: "API keys" }).click();
  const name = `E2E ERP ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("api-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^rs_[0-9a-f]{12}_/);

  // The program: no cookies, only the key.
  const program = await playwright.request.newContext({ baseURL });
  const call = () => program.get("/api/v1/repairs?limit=5", { headers: { Authorization: `Bearer ${secret}` } });
  const ok = await call();
  expect(ok.status()).toBe(200);
  expect(ok.headers()["ratelimit-limit"]).toBeTruthy();
  const page1 = (await ok.json()) as { items: unknown[]; nextCursor: string | null };
  expect(Array.isArray(page1.items)).toBe(true);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("revoked");
  const refused = await call();
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect(await refused.json()).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
  await program.dispose();
});

test("/api/docs renders the reference offline, under its own policy, without a violation", async ({ page }) => {
  const violations: string[] = [];
  const outside: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy: ${e.effectiveDirective} blocked ${e.blockedURI}`),
    );
  });
  await page.route(
    (url) => url.hostname !== "localhost" && url.hostname !== "127.0.0.1",
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  const answer = await page.goto("/api/docs");
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()["content-security-policy"]).toMatch(/^default-src 'none'; script-src 'self';/);
  // The other /api answers keep the minimal policy.
  const openapi = await page.request.get("/api/v1/openapi.json");
  expect(openapi.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  await expect(page.getByText("RS Systems API").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Request a repair on a unit/).first()).toBeVisible();
  expect(violations).toEqual([]);
  expect(outside).toEqual([]);
});
