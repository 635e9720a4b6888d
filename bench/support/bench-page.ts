// /walk?bench=1 in Chromium with a persistent profile (IndexedDB on disk, as on a phone), the
// demo technician signed in and the page's benchmark hook (window.__rsBench) set up: the day's
// walk prepared and started on the device.
import path from "node:path";
import { type BrowserContext, type Page, chromium } from "@playwright/test";
import { chromiumArgs } from "../../playwright.config";
import { signIn } from "../../tests/e2e/support/sign-in";
import type { BenchEnv } from "../types";

export async function withBenchPage<T>(
  env: BenchEnv,
  profile: string,
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await chromium.launchPersistentContext(path.join(env.tmpDir, profile), {
    executablePath: env.chromiumPath,
    args: chromiumArgs,
    baseURL: env.baseUrl,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, "tech@demo.test");
    await page.waitForURL(/\/walk$/);
    await page.goto("/walk?bench=1");
    // A function, not a string: a string is compiled in the page, which its CSP refuses (no 'unsafe-eval').
    await page.waitForFunction(() => Boolean((window as unknown as { __rsBench?: unknown }).__rsBench));
    await page.evaluate("window.__rsBench.setup()");
    return await run(page, context);
  } finally {
    await context.close();
  }
}
