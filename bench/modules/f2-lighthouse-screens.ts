// Figures f2–f5: Lighthouse's mobile performance score of each role's home screen (/walk, /manager,
// /portal, /admin), signed in as that role, with its default mobile emulation and simulated
// throttling (slow 4G, 4× CPU slowdown), median of 3 runs each. Runs beside figure f in the same
// `npm run bench` (file names sort f, then f2). Lighthouse drives
// the Chromium given to the bench (Debian's /usr/bin/chromium) through chrome-launcher and needs no
// download at run time. The session cookie comes from a sign-in through the login form.
//
// Each figure also carries two numbers that say what the machine allowed. Lighthouse's
// benchmarkIndex (its own CPU benchmark, run before each page: higher is faster) shows how fast
// the machine was; simulated throttling multiplies what it observed by 4, so a slower machine gets
// a higher blocking time for the same page. And the sign-in page, measured the same way: a static
// Next.js page with one small form, whose blocking time is what Next.js and React cost on this
// machine before any screen of ours (the floor). Both vary from run to run on a shared machine:
// read a screen's figure beside the floor and the index of the same bench.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import type { BenchModule } from "../types";
import { median, signedInContext, withChromium } from "../support/browser";

const RUNS = 3;
const TARGET_SCORE = 95;
const TARGET_CLS = 0.02;
const TARGET_TBT_MS = 150;

const SCREENS = [
  { id: "f2", path: "/walk", email: "tech@demo.test" },
  { id: "f3", path: "/manager", email: "manager@demo.test" },
  { id: "f4", path: "/portal", email: "customer@demo.test" },
  { id: "f5", path: "/admin", email: "admin@demo.test" },
] as const;
type Screen = (typeof SCREENS)[number];

type Run = {
  score: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  benchmarkIndex: number;
  lcpElement: string;
};

/** The sign-in page: no session needed, the same framework start-up as every screen. */
const FLOOR_PATH = "/login";

async function sessionCookie(env: Parameters<BenchModule["run"]>[0], screen: Screen): Promise<string> {
  return withChromium(env, async (browser) => {
    const context = await signedInContext(browser, env, { email: screen.email, home: screen.path });
    const cookies = await context.cookies(env.baseUrl);
    await context.close();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  });
}

async function lighthouseRun(env: Parameters<BenchModule["run"]>[0], path: string, cookie: string): Promise<Run> {
  const chrome = await launch({
    chromePath: env.chromiumPath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
  });
  try {
    const result = await lighthouse(`${env.baseUrl}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error("Lighthouse returned no result");
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      cls: audit("cumulative-layout-shift"),
      lcpMs: audit("largest-contentful-paint"),
      tbtMs: audit("total-blocking-time"),
      fcpMs: audit("first-contentful-paint"),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      lcpElement: lcpSnippet(lhr.audits["largest-contentful-paint-element"]?.details),
    };
  } finally {
    chrome.kill();
  }
}

/** The LCP element's HTML as Lighthouse reports it (a list whose first table names the node). */
function lcpSnippet(details: unknown): string {
  const first = (details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined)?.items?.[0];
  return first?.items?.[0]?.node?.snippet ?? "?";
}

const lighthouseScreens: BenchModule = {
  name: "Lighthouse mobile performance of /walk, /manager, /portal and /admin",
  run: async (env) => {
    const figures = [];
    const floorRuns: Run[] = [];
    for (let i = 0; i < RUNS; i++) floorRuns.push(await lighthouseRun(env, FLOOR_PATH, ""));
    const floorTbtMs = median(floorRuns.map((r) => r.tbtMs));
    for (const screen of SCREENS) {
      const cookie = await sessionCookie(env, screen);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(env, screen.path, cookie));
      type Measure = Exclude<keyof Run, "lcpElement">;
      const pick = (key: Measure) => median(runs.map((r) => r[key]));
      const list = (key: Measure, digits = 0) => runs.map((r) => r[key].toFixed(digits)).join(", ");
      const score = pick("score");
      const cls = pick("cls");
      const tbtMs = pick("tbtMs");
      figures.push({
        id: screen.id,
        label: `Lighthouse mobile performance of ${screen.path} (median of 3)`,
        value: score,
        unit: "/100",
        target: `>= ${TARGET_SCORE}, CLS <= ${TARGET_CLS}, TBT <= ${TARGET_TBT_MS} ms`,
        pass: score >= TARGET_SCORE && cls <= TARGET_CLS && tbtMs <= TARGET_TBT_MS,
        details: {
          scores: list("score"),
          cls: Math.round(cls * 1000) / 1000,
          clsRuns: list("cls", 3),
          lcpMs: Math.round(pick("lcpMs")),
          tbtMs: Math.round(tbtMs),
          fcpMs: Math.round(pick("fcpMs")),
          lcpRunsMs: list("lcpMs"),
          tbtRunsMs: list("tbtMs"),
          lcpElements: [...new Set(runs.map((r) => r.lcpElement))].join(" | "),
          benchmarkIndex: Math.round(pick("benchmarkIndex")),
          benchmarkIndexRuns: list("benchmarkIndex"),
          floorTbtMs: Math.round(floorTbtMs),
          floorTbtRunsMs: floorRuns.map((r) => r.tbtMs.toFixed(0)).join(", "),
          floorScores: floorRuns.map((r) => r.score).join(", "),
        },
      });
    }
    return figures;
  },
};

export default lighthouseScreens;
