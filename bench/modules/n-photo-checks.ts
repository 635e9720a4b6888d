// Figure n: the photo checks (blur, exposure, size; src/client/capture/inspect-photo.ts) on a
// 12-megapixel phone photo, on /walk with the CPU slowed 4x: the wall time of the checks and the
// main thread's long tasks while they run (target 0: decoding, shrinking and the arithmetic run
// in the photo-checks worker, public/photo-checks-worker.js). The photo is made in the page by the
// benchmark hook; the median of 5 runs after a warm-up.
import type { BenchModule } from "../types";
import { withBenchPage } from "../support/bench-page";
import { median } from "../support/browser";

const RUNS = 5;
type Run = { ms: number; bytes: number; longTasks: number; longestTaskMs: number };

const photoChecks: BenchModule = {
  name: "photo checks on a 12 MP photo, 4x CPU slowdown",
  run: (env) =>
    withBenchPage(env, "photo-checks", async (page, context) => {
      const inspect = () =>
        page.evaluate(() =>
          (
            window as unknown as { __rsBench: { inspectTwelveMegapixels(): Promise<Run> } }
          ).__rsBench.inspectTwelveMegapixels(),
        );
      await inspect(); // warm-up: the decoder and the code paths
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await inspect());
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      const ms = median(runs.map((r) => r.ms));
      const longTasks = Math.max(...runs.map((r) => r.longTasks));
      return [
        {
          id: "n",
          label: "photo checks on a 12 MP photo, 4x CPU slowdown (median of 5)",
          value: Math.round(ms),
          unit: "ms",
          target: "0 long tasks",
          pass: longTasks === 0,
          details: {
            photoMB: Math.round((runs[0]!.bytes / 1e6) * 100) / 100,
            longTasksWorstRun: longTasks,
            longestTaskMs: Math.round(Math.max(...runs.map((r) => r.longestTaskMs))),
            runsMs: runs.map((r) => Math.round(r.ms)).join(", "),
          },
        },
      ];
    }),
};

export default photoChecks;
