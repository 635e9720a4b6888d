// The installable, offline /walk shell against the production build: the service worker's
// public files, the offline reload, RSC requests kept away from cached HTML, and the login
// redirect never stored as the shell.
import { readFileSync, writeFileSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";

const WALK_HEADING = /lot walks/i;
const SERVED_WORKER = "public/sw.js"; // the server runs from the repository's root

async function waitForServiceWorkerControl(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
    );
  });
}

test("the worker, the manifest, its icons and the vendored library are public", async ({ request }) => {
  const sw = await request.get("/sw.js", { maxRedirects: 0 });
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toMatch(/javascript/);

  const manifest = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const body = (await manifest.json()) as {
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(body).toMatchObject({ start_url: "/walk", display: "standalone" });
  expect(body.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
    "192x192 any",
    "192x192 maskable",
    "512x512 any",
    "512x512 maskable",
  ]);

  for (const src of [...body.icons.map((i) => i.src), "/icons/apple-touch-icon.png"]) {
    const icon = await request.get(src, { maxRedirects: 0 });
    expect(icon.status(), src).toBe(200);
    expect(icon.headers()["content-type"], src).toBe("image/png");
    const png = await icon.body();
    const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`; // IHDR width, height
    const declared = body.icons.find((i) => i.src === src)?.sizes ?? "180x180";
    expect(size, src).toBe(declared);
  }

  const library = await request.get("/vendor/browser-image-compression.js", { maxRedirects: 0 });
  expect(library.status()).toBe(200);
});

test("/walk links the manifest and the apple-touch-icon", async ({ page }) => {
  await signInAndLand(page, "tech@demo.test", "/walk");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/icons/apple-touch-icon.png");
});

test("after one signed-in visit, /walk loads offline from the service worker", async ({ page, context }) => {
  await signInAndLand(page, "tech@demo.test", "/walk");
  await waitForServiceWorkerControl(page);

  // The precached /walk is the shell itself, not the login page a redirect would have given.
  const cached = await page.evaluate(async () => (await caches.match("/walk", { ignoreSearch: true }))?.text());
  expect(cached).toContain("lot walks");
  expect(cached).not.toContain('type="password"');

  await context.setOffline(true);
  const offline = await page.reload();
  expect(offline?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: WALK_HEADING })).toBeVisible();
  await page.goto("/walk?from=offline");
  await expect(page.getByRole("heading", { level: 1, name: WALK_HEADING })).toBeVisible();

  // RSC payload requests must reach the network (and fail offline), never get the cached HTML.
  const rsc = await page.evaluate(() =>
    Promise.all([
      fetch("/walk", { headers: { RSC: "1" } }).then(
        (r) => r.headers.get("content-type"),
        () => "network error",
      ),
      fetch("/walk?_rsc=abc").then(
        (r) => r.headers.get("content-type"),
        () => "network error",
      ),
    ]),
  );
  expect(rsc).toEqual(["network error", "network error"]);
  await context.setOffline(false);
});

/** Same-origin build files (/_next/static/…) this page has requested so far. */
function staticFilesLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === location.origin && url.pathname.startsWith("/_next/static/"))
      .map((url) => url.pathname),
  );
}

test("the worker precaches the build files /walk loads, and none of another screen's code", async ({
  page,
  browser,
}) => {
  await signInAndLand(page, "tech@demo.test", "/walk");
  await waitForServiceWorkerControl(page);
  const precached = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of (await caches.keys()).filter((n) => n.startsWith("workbox-precache"))) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  // A fresh document (signing in navigated from /login inside the page): the first screen's files,
  // and those loaded once it is up (the other screens, the sync engine, workbox-window).
  await page.goto("/walk");
  await expect(page.getByRole("button", { name: "Prepare for offline" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const walkFiles = await staticFilesLoaded(page);
  expect(walkFiles.length).toBeGreaterThan(5);
  expect(walkFiles.filter((file) => !precached.includes(file))).toEqual([]);

  const managerContext = await browser.newContext();
  try {
    const manager = await managerContext.newPage();
    await signInAndLand(manager, "manager@demo.test", "/manager");
    await manager.goto("/manager");
    await expect(manager.getByRole("heading", { level: 1 })).toBeVisible();
    const managerOnly = (await staticFilesLoaded(manager)).filter((file) => !walkFiles.includes(file));
    expect(managerOnly.length, "the manager's screen has code of its own").toBeGreaterThan(0);
    expect(managerOnly.filter((file) => precached.includes(file))).toEqual([]);
  } finally {
    await managerContext.close();
  }
});

test("signed out online, /walk still goes to the login page and runtime caches are cleared", async ({ page }) => {
  await signInAndLand(page, "tech@demo.test", "/walk");
  await waitForServiceWorkerControl(page);
  await page.evaluate(async () =>
    (await caches.open("rs-runtime-static")).put("/icons/probe.png", new Response("probe")),
  );

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain("rs-runtime-static");

  await page.goto("/walk");
  await expect(page).toHaveURL(/\/login\?next=%2Fwalk$/);
});

test("a worker installed while signed out refuses to store the login page as /walk", async ({ page }) => {
  await page.goto("/login");
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register("/sw.js");
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (!worker || worker.state === "activated") return worker?.state;
    await new Promise((resolve) =>
      worker.addEventListener("statechange", () => ["activated", "redundant"].includes(worker.state) && resolve(null)),
    );
    return worker.state;
  });
  expect(state).toBe("redundant");
  expect(await page.evaluate(async () => Boolean(await caches.match("/walk", { ignoreSearch: true })))).toBe(false);
});

test("a new version waits until the user taps Reload, then takes over", async ({ page }) => {
  await signInAndLand(page, "tech@demo.test", "/walk");
  await waitForServiceWorkerControl(page);
  await expect(page.getByText("An update is ready")).toHaveCount(0);

  // A new deployment: the served worker changes by one comment (Playwright's routing does not see
  // the browser's worker update check, so the build output itself changes, and is put back).
  const original = readFileSync(SERVED_WORKER, "utf8");
  try {
    writeFileSync(SERVED_WORKER, `${original}\n// next deployment\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText("An update is ready")).toBeVisible();
  } finally {
    writeFileSync(SERVED_WORKER, original);
  }
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(
    true,
  );

  await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reload" }).click()]);
  await expect(page.getByRole("heading", { level: 1, name: WALK_HEADING })).toBeVisible();
  await expect(page.getByText("An update is ready")).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting)).toBeFalsy();
});
