// The office screens' first paint does not move: the first HTML holds the first screen's lists
// (server-rendered), and what loads later has a place of its final size. Cumulative layout shift
// (PerformanceObserver 'layout-shift', without shifts caused by input) stays at or under 0.02,
// the Lighthouse target, on a tablet and on a phone.
import { type Page, expect, test } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";

const SCREENS = [
  { email: "manager@demo.test", path: "/manager" },
  { email: "customer@demo.test", path: "/portal" },
  { email: "admin@demo.test", path: "/admin" },
];
// The phone also runs with its CPU slowed 4x, as Lighthouse's mobile profile does: a section that
// is hydrated later than the rest shows its late changes only on a slow CPU.
const VIEWPORTS = [
  { name: "tablet", viewport: { width: 820, height: 1180 }, cpuSlowdown: 1 },
  { name: "phone", viewport: { width: 412, height: 823 }, cpuSlowdown: 4 },
];

declare global {
  interface Window {
    __cls?: number;
    __shifted?: string[];
  }
}

type LayoutShift = PerformanceEntry & {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
};

/** Total layout shift of a fresh load of `path`, once the page has loaded and its requests settled. */
async function layoutShiftOf(
  page: Page,
  path: string,
  cpuSlowdown: number,
): Promise<{ cls: number; shifted: string[] }> {
  if (cpuSlowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  }
  await page.addInitScript(() => {
    window.__cls = 0;
    window.__shifted = [];
    // What moved, to say in a failure which element to give a fixed place.
    const describe = (node: Node | null) => {
      const element = node instanceof Element ? node : node?.parentElement;
      if (!element) return "?";
      return `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} "${element.textContent?.slice(0, 40)}"`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        if (entry.hadRecentInput) continue;
        window.__cls! += entry.value;
        for (const source of entry.sources)
          window.__shifted!.push(
            `${entry.value.toFixed(4)} ${describe(source.node)} y ${source.previousRect.y}->${source.currentRect.y} h ${source.previousRect.height}->${source.currentRect.height}`,
          );
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // On a slow CPU, work after the last request (hydrating, drawing the answers) takes seconds more.
  if (cpuSlowdown > 1) await page.waitForTimeout(2_500);
  // Two frames: anything the last answers drew has been laid out and measured.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => ({ cls: window.__cls ?? 0, shifted: window.__shifted ?? [] }));
}

for (const { name, viewport, cpuSlowdown } of VIEWPORTS)
  test.describe(`${name} viewport`, () => {
    test.use({ viewport });
    for (const { email, path } of SCREENS)
      test(`${path} does not shift after its first paint`, async ({ page }, testInfo) => {
        await signInAndLand(page, email, path);
        const { cls, shifted } = await layoutShiftOf(page, path, cpuSlowdown);
        testInfo.annotations.push({ type: "CLS", description: `${path} ${name}: ${cls.toFixed(3)}` });
        console.log(`CLS ${path} ${name}: ${cls.toFixed(4)}`);
        expect(cls, `what moved:\n${shifted.join("\n")}`).toBeLessThanOrEqual(0.02);
      });
  });
