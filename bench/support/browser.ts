// Chromium for the browser benchmarks, launched like the e2e tests, and a signed-in technician.
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import { chromiumArgs } from "../../playwright.config";
import { signIn } from "../../tests/e2e/support/sign-in";
import type { BenchEnv } from "../types";

/** Runs `measure` with a fresh Chromium, closed afterwards whatever happens. */
export async function withChromium<T>(env: BenchEnv, measure: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: env.chromiumPath, args: chromiumArgs });
  try {
    return await measure(browser);
  } finally {
    await browser.close();
  }
}

/** A context signed in through the login form (the technician by default) and landed on its home screen. */
export async function signedInContext(
  browser: Browser,
  env: BenchEnv,
  as: { email: string; home: string } = { email: "tech@demo.test", home: "/walk" },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: env.baseUrl });
  const page = await context.newPage();
  await signIn(page, as.email);
  await page.waitForURL((url) => url.pathname === as.home);
  await page.close();
  return context;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
