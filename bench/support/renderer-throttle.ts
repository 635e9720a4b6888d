// A CPU slowdown that also reaches a page's workers. CDP's Emulation.setCPUThrottlingRate slows the
// renderer's main thread only (a worker timed inside runs at full speed), and Chromium refuses it on
// a worker's own session ("Operation is only supported for pages, not workers"). So this stops the
// browser's renderer processes (SIGSTOP) after every few ms they run, for (rate - 1) times the CPU
// time all their threads used meanwhile (/proc/<pid>/task/<tid>/schedstat), then lets them go on:
// each CPU ms of the page, its workers and decoders included, costs `rate` ms of wall clock. On an
// idle machine that is a phone `rate` times slower; on a busy one the time spent waiting for a core
// comes on top, as it would on the phone. Linux only.
import { readFileSync, readdirSync } from "node:fs";

const RUN_MS = 4;

type Proc = { pid: number; ppid: number; cmdline: string };

function processes(): Proc[] {
  const found: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      found.push({ pid: Number(entry), ppid, cmdline });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The renderer processes of the Chromium whose browser process was started with `profileDir`. */
export function rendererPids(profileDir: string): number[] {
  const all = processes();
  const browser = all.find(
    (p) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && !p.cmdline.includes("--type="),
  );
  if (!browser) throw new Error(`no Chromium running with the profile ${profileDir}`);
  const inside = new Set([browser.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!inside.has(p.pid) && inside.has(p.ppid)) {
        inside.add(p.pid);
        grew = true;
      }
  }
  const renderers = all.filter((p) => inside.has(p.pid) && p.cmdline.includes("--type=renderer")).map((p) => p.pid);
  if (renderers.length === 0) throw new Error("no renderer process found");
  return renderers;
}

/** CPU ms the processes' threads have run so far. */
function cpuMs(pids: number[]): number {
  let ns = 0;
  for (const pid of pids) {
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of threads) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // the thread ended
      }
    }
  }
  return ns / 1e6;
}

export type ThrottleTally = {
  /** CPU ms the renderers used while throttled. */
  cpuMs: number;
  /** Wall-clock ms they were held stopped. */
  stoppedMs: number;
  /**
   * Ms still owed when the throttle ended: (rate - 1) x cpuMs - stoppedMs. The renderers run a few
   * ms (more when this process wakes late) before they are stopped, so work that ends inside such a
   * window was not slowed: a time measured until then is short by this much.
   */
  owedMs: number;
};

/** Slows the renderers `rate` times until the returned function is called; that returns the tally. */
export function throttleRenderers(pids: number[], rate: number): () => ThrottleTally {
  let ended = false;
  let stoppedAt: number | null = null;
  const tally = { cpuMs: 0, stoppedMs: 0 };
  const signal = (name: NodeJS.Signals) => {
    for (const pid of pids)
      try {
        process.kill(pid, name);
      } catch {
        // exited
      }
  };
  let last = cpuMs(pids);
  const run = () => {
    if (ended) return;
    setTimeout(() => {
      if (ended) return;
      signal("SIGSTOP");
      const now = cpuMs(pids);
      const used = now - last;
      tally.cpuMs += used;
      const since = performance.now();
      stoppedAt = since;
      const hold = () => {
        if (ended) return;
        const left = (rate - 1) * used - (performance.now() - since);
        if (left > 0.5) return void setTimeout(hold, Math.max(0, left - 0.5));
        tally.stoppedMs += performance.now() - since;
        stoppedAt = null;
        last = cpuMs(pids);
        signal("SIGCONT");
        run();
      };
      hold();
    }, RUN_MS);
  };
  run();
  let result: ThrottleTally | null = null;
  return () => {
    if (result) return result;
    ended = true;
    // What the renderers used since they were last let go (unless held now), and the hold under way.
    const cpu = tally.cpuMs + (stoppedAt === null ? cpuMs(pids) - last : 0);
    const stopped = tally.stoppedMs + (stoppedAt === null ? 0 : performance.now() - stoppedAt);
    signal("SIGCONT");
    result = {
      cpuMs: Math.round(cpu),
      stoppedMs: Math.round(stopped),
      owedMs: Math.max(0, (rate - 1) * cpu - stopped),
    };
    return result;
  };
}
