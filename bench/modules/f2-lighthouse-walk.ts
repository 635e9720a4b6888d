// Figure f2: Lighthouse's mobile performance score of /walk, signed in as a technician, with its
// default mobile emulation and simulated throttling (slow 4G, 4× CPU slowdown), median of 3 runs.
// Runs beside figure f in the same `npm run bench` (file names sort f, then f2). Lighthouse drives
// the Chromium given to the bench (Debian's /usr/bin/chromium) through chrome-launcher and needs no
// download at run time. The session cookie comes from a sign-in through the login form.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import type { BenchModule } from "../types";
import { median, signedInContext, withChromium } from "../support/browser";

const RUNS = 3;
const TARGET_SCORE = 95;
const TARGET_CLS = 0.02;

type Run = { score: number; cls: number; lcpMs: number; tbtMs: number; fcpMs: number; lcpElement: string };

async function sessionCookie(env: Parameters<BenchModule["run"]>[0]): Promise<string> {
  return withChromium(env, async (browser) => {
    const context = await signedInContext(browser, env);
    const cookies = await context.cookies(env.baseUrl);
    await context.close();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  });
}

async function lighthouseRun(env: Parameters<BenchModule["run"]>[0], cookie: string): Promise<Run> {
  const chrome = await launch({
    chromePath: env.chromiumPath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
  });
  try {
    const result = await lighthouse(`${env.baseUrl}/walk`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: { Cookie: cookie },
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

const lighthouseWalk: BenchModule = {
  name: "Lighthouse mobile performance of /walk",
  run: async (env) => {
    const cookie = await sessionCookie(env);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(env, cookie));
    type Measure = Exclude<keyof Run, "lcpElement">;
    const pick = (key: Measure) => median(runs.map((r) => r[key]));
    const list = (key: Measure, digits = 0) => runs.map((r) => r[key].toFixed(digits)).join(", ");
    const score = pick("score");
    const cls = pick("cls");
    return [
      {
        id: "f2",
        label: "Lighthouse mobile performance of /walk (median of 3)",
        value: score,
        unit: "/100",
        target: `>= ${TARGET_SCORE}, CLS <= ${TARGET_CLS}`,
        pass: score >= TARGET_SCORE && cls <= TARGET_CLS,
        details: {
          scores: list("score"),
          cls: Math.round(cls * 1000) / 1000,
          clsRuns: list("cls", 3),
          lcpMs: Math.round(pick("lcpMs")),
          tbtMs: Math.round(pick("tbtMs")),
          fcpMs: Math.round(pick("fcpMs")),
          lcpRunsMs: list("lcpMs"),
          tbtRunsMs: list("tbtMs"),
          lcpElements: [...new Set(runs.map((r) => r.lcpElement))].join(" | "),
        },
      },
    ];
  },
};

export default lighthouseWalk;
