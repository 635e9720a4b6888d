// Figure g: how long /walk takes to become usable (support/usable.ts) when the phone is offline
// and the service worker serves it. After one signed-in online visit installs the worker, the
// context goes offline; each run stops the worker first (a phone kills it between uses), opens
// a new tab on /walk and reads the usable moment in the page's clock (from navigation start).
// Also run with the CPU throttled 4× as a stand-in for a mid-range phone (details only).
import type { BrowserContext } from "@playwright/test";
import type { BenchModule } from "../types";
import { median, signedInContext, withChromium } from "../support/browser";
import { recordUsableTime, usableAt } from "../support/usable";

const TARGET_MS = 1_000;
const RUNS = 5;

async function installWorker(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/walk");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
  });
  await page.close();
}

async function offlineOpen(context: BrowserContext, cpuSlowdown: number): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  const response = await page.goto("/walk");
  if (!response?.fromServiceWorker()) throw new Error("Offline /walk was not served by the service worker.");
  const ms = await usableAt(page);
  await page.close();
  return ms;
}

const offlineUsable: BenchModule = {
  name: "/walk usable offline from the service worker",
  run: (env) =>
    withChromium(env, async (browser) => {
      const context = await signedInContext(browser, env);
      await installWorker(context);
      await recordUsableTime(context);
      await context.setOffline(true);
      const runs: number[] = [],
        slowRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await offlineOpen(context, 1));
      for (let i = 0; i < RUNS; i++) slowRuns.push(await offlineOpen(context, 4));
      const ms = median(runs);
      return [
        {
          id: "g",
          label: "/walk usable offline (service worker, median)",
          value: ms,
          unit: "ms",
          target: `<= ${TARGET_MS / 1000} s`,
          pass: ms <= TARGET_MS,
          details: {
            runsMs: runs.map(Math.round).join(", "),
            cpu4xMedianMs: Math.round(median(slowRuns)),
            cpu4xRunsMs: slowRuns.map(Math.round).join(", "),
          },
        },
      ];
    }),
};

export default offlineUsable;
