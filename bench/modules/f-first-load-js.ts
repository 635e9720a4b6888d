// Figure f: the JavaScript a technician's phone downloads before /walk is usable the first time,
// gzipped. A fresh context (empty HTTP cache, no service worker) with the session cookie loads
// /walk, nothing is clicked. Every script requested before both the load event and the screen
// being usable (support/usable.ts) counts; scripts requested later (e.g. workbox-window, loaded
// at idle time to register the worker) are listed as deferred. Bodies are gzipped at level 9.
import { gzipSync } from "node:zlib";
import type { BenchModule } from "../types";
import { signedInContext, withChromium } from "../support/browser";
import { recordUsableTime, usableAt } from "../support/usable";

const TARGET_KB = 170;
const kb = (bytes: number) => Math.round(bytes / 100) / 10;

const firstLoadJs: BenchModule = {
  name: "first-load JavaScript of /walk",
  run: (env) =>
    withChromium(env, async (browser) => {
      const signedIn = await signedInContext(browser, env);
      const storageState = await signedIn.storageState();
      await signedIn.close();
      const context = await browser.newContext({ baseURL: env.baseUrl, storageState, serviceWorkers: "block" });
      await recordUsableTime(context);
      const page = await context.newPage();
      const bodies = new Map<string, Promise<Buffer>>();
      page.on("response", (response) => {
        if (response.request().resourceType() === "script" && !bodies.has(response.url()))
          bodies.set(response.url(), response.body());
      });
      await page.goto("/walk", { waitUntil: "load" });
      const usable = await usableAt(page);
      await page.waitForLoadState("networkidle");
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
      const details: Record<string, number | string> = {};
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
      return [
        {
          id: "f",
          label: "first-load JS of /walk (gzip -9)",
          value: kb(counted),
          unit: "KB",
          target: `<= ${TARGET_KB} KB`,
          pass: kb(counted) <= TARGET_KB,
          details: {
            scripts: bodies.size,
            rawKB: kb(raw),
            deferredKB: kb(deferred),
            usableMs: Math.round(usable),
            loadEventMs: Math.round(loadAt),
            ...details,
          },
        },
      ];
    }),
};

export default firstLoadJs;
