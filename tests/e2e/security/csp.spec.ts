// The Content-Security-Policy (src/server/http/content-security-policy.ts) is one the app
// satisfies: every screen, as each role, runs without a single violation (capture with photo,
// voice and signature; the manager's map with its tiles), each page answer carries the policy
// (a fresh nonce on the pages rendered per request, script hashes on prerendered ones), and a
// script injected into a page's HTML does not run.
import { createHash } from "node:crypto";
import { type APIRequestContext, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { openCustomer } from "../admin/admin-screen";
import { newCustomer, uniqueUnit, walkWithFinds } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { technicianWithWalkAt } from "../support/own-walk";
import { signIn, signInAndLand } from "../support/sign-in";
import {
  LOT,
  captureUnit,
  drawSignature,
  prepareForOffline,
  waitForServiceWorkerControl,
} from "../support/walk-device";

const CUSTOMER = "Summit Car Rentals";
// A 1×1 PNG answered for every map tile: the tests run without the internet, and a tile the
// policy refused would never reach this route but raise a violation instead.
const TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * Records every CSP violation of the context's pages (the `securitypolicyviolation` event, and
 * Chromium's console report of one) and checks each document answer carries a policy.
 */
async function watchPolicy(context: BrowserContext) {
  const violations: string[] = [];
  const unprotected: string[] = [];
  await context.exposeBinding("__reportCspViolation", ({ page }, text: string) => {
    violations.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sample})`);
    });
  });
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    page.on("response", (response) => {
      const request = response.request();
      if (request.resourceType() !== "document" || (response.status() >= 300 && response.status() < 400)) return;
      if (response.fromServiceWorker()) return;
      if (!response.headers()["content-security-policy"]) unprotected.push(response.url());
    });
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  await context.route(
    (url) => url.hostname !== "localhost",
    (route) =>
      /tile\.openstreetmap\.org$/.test(new URL(route.request().url()).hostname)
        ? route.fulfill({ contentType: "image/png", body: TILE })
        : route.abort(),
  );
  return {
    check: () => {
      expect(violations, "CSP violations").toEqual([]);
      expect(unprotected, "pages answered without a Content-Security-Policy").toEqual([]);
    },
  };
}

/**
 * Signing in moves to the home screen inside the login page's document, which keeps the login
 * page's policy: load the screen again so it runs under its own.
 */
async function loadUnderOwnPolicy(page: Page) {
  const answer = await page.reload();
  expect(answer?.headers()["content-security-policy"]).toBeTruthy();
}

const policyOf = (headers: Record<string, string>) => headers["content-security-policy"] ?? "";
const scriptSrc = (policy: string) =>
  policy
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === "script-src")
    ?.slice(1) ?? [];

test("every screen runs under the policy, as each role, without a violation", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const open = async (options: Parameters<typeof browser.newContext>[0] = {}) => {
    const context = await browser.newContext(options);
    const watched = await watchPolicy(context);
    return { context, page: await context.newPage(), ...watched };
  };

  await test.step("signed out: the login page and the 403 page", async () => {
    const { context, page, check } = await open();
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await page.goto("/forbidden");
    await page.goto("/no-such-page");
    check();
    await context.close();
  });

  await test.step("technician: /walk, a capture with photo, GPS and voice, the signature", async () => {
    const { context, page, check } = await open({
      viewport: { width: 412, height: 915 },
      permissions: ["geolocation", "microphone"],
      geolocation: LOT,
    });
    // A technician of this spec's own: it ends its walk, which must not be another spec's.
    await signIn(page, await technicianWithWalkAt(playwright, baseURL!, CUSTOMER));
    await expect(page).toHaveURL(/\/walk$/);
    await loadUnderOwnPolicy(page);
    await prepareForOffline(page);
    await page.getByRole("button", { name: `Start walk at ${CUSTOMER}` }).click();
    const unit = uniqueUnit("CSP");
    await captureUnit(page, { type: unit, expected: unit, damage: "Star break", position: "driver side", voice: true });
    await page.getByRole("button", { name: "End walk" }).click();
    await page.getByLabel("Site contact name").fill("Pat Lotmanager");
    await drawSignature(page);
    await page.getByRole("button", { name: "Confirm and finish walk" }).click();
    await expect(page.getByRole("region", { name: `Finished walk at ${CUSTOMER}` })).toBeVisible();
    // Offline, the service worker answers /walk with the HTML and the policy it precached: the
    // hashes of that same build's inline scripts, so the page still runs.
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    const offline = await page.goto("/walk");
    expect(offline?.fromServiceWorker()).toBe(true);
    // 'wasm-unsafe-eval': the scanner compiles its WebAssembly decoder (never JavaScript eval).
    expect(scriptSrc(policyOf(offline!.headers()))).toEqual([
      "'self'",
      ...new Set(inlineHashes(await offline!.text())),
      "'wasm-unsafe-eval'",
    ]);
    await expect(page.getByRole("region", { name: `Finished walk at ${CUSTOMER}` })).toBeVisible();
    await context.setOffline(false);
    // A role opening a screen it may not use gets the 403 page.
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "403 · Not allowed" })).toBeVisible();
    check();
    await context.close();
  });

  await test.step("manager: approvals with photos and the map of a walk, tiles shown", async () => {
    const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
    const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
    const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
    const unit = uniqueUnit("CSPMAP");
    await walkWithFinds(tech, customerId, [{ unitNumber: unit, latitude: 39.7401, longitude: -104.9903 }]);
    const { context, page, check } = await open();
    await signInAndLand(page, "manager@demo.test", "/manager");
    await loadUnderOwnPolicy(page);
    // The queue comes a page of walks at a time, and a walk's map loads once scrolled near.
    await page.getByRole("combobox", { name: "Customer" }).selectOption(customerId);
    const group = page.locator("section.mgr-group", { has: page.getByRole("article", { name: `Unit ${unit}` }) });
    await group.scrollIntoViewIfNeeded();
    const map = group.getByTestId("repair-map");
    await expect(map.locator(`.leaflet-marker-icon[title="Unit ${unit}"]`)).toBeVisible();
    await expect(map.locator("img.leaflet-tile-loaded").first()).toBeVisible();
    await page.getByRole("link", { name: "Walk planning" }).click();
    await expect(page.getByRole("table", { name: /Walks of the week of/ })).toBeVisible();
    await page.getByRole("link", { name: "Messages" }).click();
    await expect(page.getByRole("heading", { name: "Windshields reported replaced" })).toBeVisible();
    check();
    await context.close();
  });

  await test.step("admin: every tab", async () => {
    const { context, page, check } = await open();
    await signInAndLand(page, "admin@demo.test", "/admin");
    await loadUnderOwnPolicy(page);
    for (const tab of ["Customers", "Technicians", "Units", "Users", "Business settings", "Audit"]) {
      await page.getByRole("tab", { name: tab }).click();
      await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    }
    // A customer's sites on the map where a click picks a position.
    await openCustomer(page, "Summit Car Rentals");
    await expect(
      page.getByTestId("site-map").locator('.leaflet-marker-icon[title="Airport rental lot"]'),
    ).toBeVisible();
    check();
    await context.close();
  });

  await test.step("customer: the portal", async () => {
    const { context, page, check } = await open();
    await signInAndLand(page, "customer@demo.test", "/portal");
    await loadUnderOwnPolicy(page);
    await expect(page.getByRole("form", { name: "Request a repair" })).toBeVisible();
    check();
    await context.close();
  });
});

/** The sha256 CSP source of each inline script of an HTML page. */
function inlineHashes(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc=/i.test(attributes!))
    .map(([, , body]) => `'sha256-${createHash("sha256").update(body!).digest("base64")}'`);
}

test("each page answer carries the policy: a fresh nonce per request, or the prerendered page's hashes", async ({
  playwright,
  baseURL,
}) => {
  const manager: APIRequestContext = await signedInApi(playwright, baseURL!, "manager@demo.test");
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const answer = await manager.get("/manager");
    expect(answer.status()).toBe(200);
    const policy = policyOf(answer.headers());
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toContain("'unsafe-inline' 'strict-dynamic'");
    const sources = scriptSrc(policy);
    expect(sources).toContain("'strict-dynamic'");
    expect(sources).not.toContain("'unsafe-inline'");
    const nonce = sources.find((s) => s.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
    expect(nonce, "a nonce in script-src").toBeTruthy();
    nonces.push(nonce!);
    // Next put that nonce on every script of the page.
    const html = await answer.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  for (const [api, path] of [
    [tech, "/walk"],
    [await playwright.request.newContext({ baseURL }), "/login"],
  ] as const) {
    const answer = await api.get(path);
    expect(answer.status()).toBe(200);
    const sources = scriptSrc(policyOf(answer.headers()));
    const hashes = inlineHashes(await answer.text());
    expect(hashes.length).toBeGreaterThan(0);
    expect(sources).toEqual(["'self'", ...new Set(hashes), "'wasm-unsafe-eval'"]);
  }

  const api = await manager.get("/api/auth/session");
  expect(policyOf(api.headers())).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("a script injected into a page's HTML does not run", async ({ browser }) => {
  // The office pages' service worker would answer the document itself, out of the route's reach.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      void (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        e.effectiveDirective,
      );
    });
  });
  // What an HTML injection would put on the page: an inline script and an event handler.
  await page.route(
    (url) => ["/login", "/manager"].includes(url.pathname),
    async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const answer = await route.fetch();
      const html = (await answer.text()).replace(
        "<body>",
        '<body><script>window.__injected = "script"</script><img src="/nowhere.png" onerror="window.__injected = \'handler\'">',
      );
      return route.fulfill({ response: answer, body: html });
    },
  );
  for (const [email, path] of [
    [null, "/login"],
    ["manager@demo.test", "/manager"],
  ] as const) {
    if (email) await signInAndLand(page, email, path);
    violations.length = 0;
    // A document load: signing in moved to the screen inside the login page's document.
    const answer = await page.goto(path);
    expect(answer?.headers()["content-security-policy"]).toBeTruthy();
    await expect(page.getByRole("main").or(page.getByRole("heading").first()).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    await expect.poll(() => violations.filter((d) => d.startsWith("script-src")).length).toBeGreaterThanOrEqual(2);
  }
  await context.close();
});
