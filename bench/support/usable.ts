// When a screen becomes usable: its main heading is visible and every button is hydrated (React
// has attached its props, so taps do something). Installed as an init script, it stores the
// moment in window.__rsUsableAt (ms since navigation start, performance.now()).
import type { BrowserContext, Page } from "@playwright/test";

declare global {
  interface Window {
    __rsUsableAt?: number;
  }
}

// A string, not a function: tsx (esbuild keepNames) would wrap a function's inner arrows in
// __name() calls, which do not exist in the page.
const RECORD_WHEN_USABLE = `(() => {
  const hydrated = (el) => Object.keys(el).some((key) => key.startsWith("__reactProps$"));
  const check = () => {
    const heading = document.querySelector("h1");
    const buttons = [...document.querySelectorAll("button")];
    if (heading && heading.getBoundingClientRect().height > 0 && buttons.length > 0 && buttons.every(hydrated)) {
      window.__rsUsableAt = performance.now();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

export async function recordUsableTime(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: RECORD_WHEN_USABLE });
}

export async function usableAt(page: Page): Promise<number> {
  return (await page.waitForFunction(() => window.__rsUsableAt)).jsonValue() as Promise<number>;
}
