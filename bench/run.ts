// `npm run bench`: builds if needed, serves the production build on a fresh embedded database,
// runs every module in bench/modules/ once on this machine, prints a table and writes
// bench/results.json. Figures are for comparison on the machine noted, not absolute truths.
// `npm run bench -- f2 t` runs only the modules whose file names contain those words; the figures of
// the other modules stay in results.json as they were, each with the time it was measured.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchFigure, BenchModule } from "./types";

const port = Number(process.env.BENCH_PORT ?? 3290);
const baseUrl = `http://localhost:${port}`;
const tmpDir = path.resolve("bench/tmp");
rmSync(tmpDir, { recursive: true, force: true });
mkdirSync(tmpDir, { recursive: true });

const server = spawn(
  process.execPath,
  ["--import", "tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/serve.ts"],
  {
    env: {
      ...process.env,
      PORT: String(port),
      RS_DATA_DIR: path.join(tmpDir, "data"),
      DATABASE_URL: "",
      NEXTAUTH_URL: baseUrl,
    },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
server.stdout.resume();

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${baseUrl}/login`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not start within 2 minutes.");
}

const figures: BenchFigure[] = [];
const only = process.argv.slice(2).filter((a) => a !== "--");
try {
  await waitForServer();
  const files = readdirSync(path.resolve("bench/modules"))
    .filter((f) => f.endsWith(".ts"))
    .sort();
  for (const file of files) {
    const mod = (await import(path.resolve("bench/modules", file))).default as BenchModule;
    if (only.length && !only.some((o) => file.includes(o))) continue;
    console.log(`… ${mod.name}`);
    try {
      const measuredAt = new Date().toISOString();
      const taken = await mod.run({ baseUrl, chromiumPath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", tmpDir });
      figures.push(...taken.map((f) => ({ ...f, measuredAt })));
    } catch (error) {
      console.error(`  ${mod.name} failed: ${(error as Error).stack}`);
    }
  }
} finally {
  server.kill("SIGTERM");
}

figures.sort((a, b) => a.id.localeCompare(b.id));
const kept = only.length ? earlierFigures().filter((f) => !figures.some((n) => n.id === f.id)) : [];
const written = [...figures, ...kept].sort((a, b) => a.id.localeCompare(b.id));
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  at: new Date().toISOString(),
};
console.log(`\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
const rows = figures.map((f) => [f.id, f.label, `${round(f.value)} ${f.unit}`, f.target, f.pass ? "ok" : "MISSED"]);
const widths = [0, 1, 2, 3, 4].map((i) =>
  Math.max(...[["", "figure", "value", "target", ""], ...rows].map((r) => String(r[i]).length)),
);
for (const row of [["", "figure", "value", "target", ""], ...rows])
  console.log(row.map((c, i) => String(c).padEnd(widths[i]!)).join("  "));
writeFileSync("bench/results.json", JSON.stringify({ machine, figures: written }, null, 2) + "\n");
console.log("\nWrote bench/results.json");
process.exit(0);

/** The figures of the last run, each stamped with its run's time when it has none of its own. */
function earlierFigures(): BenchFigure[] {
  if (!existsSync("bench/results.json")) return [];
  const earlier = JSON.parse(readFileSync("bench/results.json", "utf8")) as {
    machine?: { at?: string };
    figures?: BenchFigure[];
  };
  return (earlier.figures ?? []).map((f) => ({ ...f, measuredAt: f.measuredAt ?? earlier.machine?.at }));
}

function round(n: number) {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}
