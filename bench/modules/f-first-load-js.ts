// Figure f: the JavaScript a technician's phone downloads before /walk is usable the first time,
// gzipped. A fresh context (empty HTTP cache, no service worker) with the session cookie loads
// /walk, nothing is clicked. Every script requested before both the load event and the screen
// being usable (support/usable.ts) counts; scripts requested later (e.g. workbox-window, loaded
// at idle time to register the worker) are listed as deferred. Bodies are gzipped at level 9.
// Figure f1: the same load on a device in use (prepared for offline: its database exists), where
// /walk also fetches at idle what the device needs offline (the device store, the sync engine,
// My work): everything fetched until no script has been requested for 3 s counts.
// Beside it, for comparison: the JavaScript the service worker's precache holds (all of /walk's
// code for offline use, every screen included), read from the build on disk.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { BrowserContext } from "@playwright/test";
import type { BenchModule } from "../types";
import { signedInContext, withChromium } from "../support/browser";
import { recordUsableTime, usableAt } from "../support/usable";

const TARGET_KB = 170;
const TARGET_IN_ALL_KB = 200;
const kb = (bytes: number) => Math.round(bytes / 100) / 10;

type Load = {
  counted: number;
  deferred: number;
  raw: number;
  usable: number;
  loadAt: number;
  details: Record<string, string>;
};

/** Loads /walk in `context` and sorts the scripts it fetched: before usable (counted) or after (deferred). */
async function loadWalk(context: BrowserContext): Promise<Load> {
  await recordUsableTime(context);
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && !bodies.has(response.url())) {
      const body = response.body();
      body.catch(() => {}); // a response arriving as the page closes, after the count: not read
      bodies.set(response.url(), body);
    }
  });
  await page.goto("/walk", { waitUntil: "load" });
  const usable = await usableAt(page);
  await page.waitForLoadState("networkidle");
  // Idle-time loads start up to 2 s after the load event (when-idle.ts), later on a busy machine:
  // wait until no new script has been requested for 3 s, so they are all counted.
  for (let seen = -1; seen !== bodies.size;) {
    seen = bodies.size;
    await page.waitForTimeout(3_000);
    await page.waitForLoadState("networkidle");
  }
  // Request start times in the page's own clock, to compare with the usable moment exactly.
  const { loadAt, starts } = await page.evaluate(() => ({
    loadAt: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventStart,
    starts: performance.getEntriesByType("resource").map((e) => [e.name, e.startTime] as const),
  }));
  const cutoff = Math.max(usable, loadAt);
  const startOf = new Map(starts);

  let counted = 0,
    deferred = 0,
    raw = 0;
  const details: Record<string, string> = {};
  for (const [url, body] of bodies) {
    const bytes = await body;
    const size = gzipSync(bytes, { level: 9 }).length;
    const late = (startOf.get(url) ?? 0) > cutoff;
    if (late) deferred += size;
    else {
      counted += size;
      raw += bytes.length;
    }
    details[new URL(url).pathname] = `${kb(size)} KB gz${late ? " (deferred)" : ""}`;
  }
  await page.close();
  return { counted, deferred, raw, usable, loadAt, details };
}

/** gzipped bytes of the build's JavaScript listed in public/sw.js's precache (0 without a worker). */
function precachedJs(): number {
  if (!existsSync("public/sw.js")) return 0;
  const urls = readFileSync("public/sw.js", "utf8").matchAll(/"url":"\/_next\/(static\/[^"]+\.js)"/g);
  let total = 0;
  for (const [, file] of urls) total += gzipSync(readFileSync(`.next/${file}`), { level: 9 }).length;
  return total;
}

const firstLoadJs: BenchModule = {
  name: "first-load JavaScript of /walk",
  run: (env) =>
    withChromium(env, async (browser) => {
      const signedIn = await signedInContext(browser, env);
      const storageState = await signedIn.storageState();
      // A device in use: prepared for offline, its database carried over with the cookie.
      const preparing = await signedIn.newPage();
      await preparing.goto("/walk");
      await preparing.getByRole("button", { name: "Prepare for offline" }).click();
      await preparing.getByText(/Ready for offline/).waitFor();
      const inUseState = await signedIn.storageState({ indexedDB: true });
      await signedIn.close();

      const fresh = await browser.newContext({ baseURL: env.baseUrl, storageState, serviceWorkers: "block" });
      const first = await loadWalk(fresh);
      await fresh.close();
      const prepared = await browser.newContext({
        baseURL: env.baseUrl,
        storageState: inUseState,
        serviceWorkers: "block",
      });
      const inUse = await loadWalk(prepared);
      await prepared.close();

      const inAll = kb(inUse.counted + inUse.deferred);
      return [
        {
          id: "f",
          label: "first-load JS of /walk (gzip -9)",
          value: kb(first.counted),
          unit: "KB",
          target: `<= ${TARGET_KB} KB`,
          pass: kb(first.counted) <= TARGET_KB,
          details: {
            scripts: Object.keys(first.details).length,
            rawKB: kb(first.raw),
            deferredKB: kb(first.deferred),
            usableMs: Math.round(first.usable),
            loadEventMs: Math.round(first.loadAt),
            ...first.details,
          },
        },
        {
          id: "f1",
          label: "/walk JS in all on a device in use, first load + idle (gzip -9)",
          value: inAll,
          unit: "KB",
          target: `<= ${TARGET_IN_ALL_KB} KB`,
          pass: inAll <= TARGET_IN_ALL_KB,
          details: {
            scripts: Object.keys(inUse.details).length,
            firstLoadKB: kb(inUse.counted),
            idleKB: kb(inUse.deferred),
            serviceWorkerPrecacheJsKB: kb(precachedJs()),
            usableMs: Math.round(inUse.usable),
            ...inUse.details,
          },
        },
      ];
    }),
};

export default firstLoadJs;
