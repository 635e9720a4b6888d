// /manager and /portal after one visit, offline: the office worker serves the last page, the
// screen shows its last data marked "Offline - showing data from <time>" and every control is
// disabled; sign-out forgets both the page and the data.
import { type Page, expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";
import { newCustomer, ok, uniqueUnit, walkWithFinds } from "../manager/setup";

const PAGES_CACHE = "rs-runtime-office-pages";
const SNAPSHOTS_DB = "rs-office-views";

/** Until the worker kept this page and the screen kept its answers on the device. */
async function waitForOfflineCopy(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(
          async ({ cacheName, db }) => {
            const cache = await caches.open(cacheName);
            const page = await cache.match(`${location.origin}${location.pathname}`);
            const databases = await indexedDB.databases();
            return Boolean(page) && databases.some((d) => d.name === db);
          },
          { cacheName: PAGES_CACHE, db: SNAPSHOTS_DB },
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
}

/** Whether the screen's kept answers (on the device) mention `text`. */
const keptViewsMention = (page: Page, text: string) =>
  page.evaluate(
    ({ db, text }) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open(db);
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const all = open.result.transaction("snapshots").objectStore("snapshots").getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(JSON.stringify(all.result).includes(text));
          };
        };
      }),
    { db: SNAPSHOTS_DB, text },
  );

const stale = (page: Page) => page.getByRole("status").filter({ hasText: /^Offline - showing data from \d\d:\d\d\./ });

test.describe("manager's tablet", () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

  test("/manager opens offline with its last data, marked stale with its time, read only", async ({
    page,
    context,
    playwright,
    baseURL,
  }) => {
    await signInAndLand(page, "manager@demo.test", "/manager");
    const queue = page.getByRole("region", { name: "Waiting for approval" });
    const cards = queue.getByRole("article");
    await expect(cards.first()).toBeVisible();
    const seen = await cards.evaluateAll((all) => all.slice(0, 5).map((card) => card.getAttribute("aria-label") ?? ""));
    await expect(stale(page)).toHaveCount(0);
    await waitForOfflineCopy(page);

    // A walk synced after the page was kept: the screen's poll brings it in, and the device keeps
    // that newer view, which the offline page shows although its HTML is older.
    const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
    const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
    const unit = uniqueUnit("OFF");
    const { repairs } = await walkWithFinds(tech, await newCustomer(admin, { autoApproveLotRepairs: false }), [
      { unitNumber: unit },
    ]);
    await ok(trpcMutation(admin, "repair.markUrgent", { repairId: repairs[0]!.id, urgent: true }));
    await expect(queue.getByRole("article", { name: `Unit ${unit}` })).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => keptViewsMention(page, unit)).toBe(true);

    await context.setOffline(true);
    const offline = await page.reload();
    expect(offline?.fromServiceWorker()).toBe(true);
    await expect(stale(page)).toBeVisible();
    await expect(queue.getByRole("article", { name: `Unit ${unit}` })).toBeVisible();
    await expect(stale(page)).toContainText("approving, assigning and every other change need a connection");
    for (const label of seen) await expect(queue.getByRole("article", { name: label }).first()).toBeVisible();
    // A repair's decisions are not offered; what is left ("Approve whole walk", filters) is disabled.
    await expect(queue.getByRole("button", { name: /^Approve unit/ })).toHaveCount(0);
    await expect(queue.getByRole("button", { name: "Approve whole walk" }).first()).toBeDisabled();
    await expect(page.getByRole("main").getByRole("button", { disabled: false })).toHaveCount(0);
    const search = queue.getByRole("searchbox", { name: "Search unit, customer or technician" });
    await expect(search).toBeDisabled();

    // Back online, the screen is live again without a reload.
    await context.setOffline(false);
    await expect(stale(page)).toHaveCount(0);
    await expect(search).toBeEnabled();
  });
});

test.describe("customer's phone", () => {
  test.use({ viewport: { width: 412, height: 823 }, hasTouch: true });

  test("/portal opens offline with its last data; sign-out forgets it", async ({ page, context }) => {
    await signInAndLand(page, "customer@demo.test", "/portal");
    const openWork = page.locator(".card", { has: page.getByRole("heading", { name: "Open work" }) });
    await expect(openWork).toBeVisible();
    const rows = await openWork.getByRole("row").allInnerTexts();
    await waitForOfflineCopy(page);

    await context.setOffline(true);
    const offline = await page.reload();
    expect(offline?.fromServiceWorker()).toBe(true);
    await expect(stale(page)).toBeVisible();
    expect(await openWork.getByRole("row").allInnerTexts()).toEqual(rows);
    await expect(page.getByRole("main").getByRole("button", { disabled: false })).toHaveCount(0);

    await context.setOffline(false);
    await expect(stale(page)).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect
      .poll(() =>
        page.evaluate(
          async ({ cacheName, db }) =>
            (await caches.has(cacheName)) || (await indexedDB.databases()).some((d) => d.name === db),
          { cacheName: PAGES_CACHE, db: SNAPSHOTS_DB },
        ),
      )
      .toBe(false);
    await context.setOffline(true);
    await expect(page.goto("/portal")).rejects.toThrow();
  });
});
