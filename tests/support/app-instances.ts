// Production instances of the app (scripts/serve.ts, `next start`) on one PostgreSQL server, each
// its own process group with no memory shared: what several machines behind a load balancer are.
// Used by tests/integration/fault and bench/modules/j-two-instances.ts.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type AppInstance = {
  name: string;
  baseUrl: string;
  /** Everything the instance printed so far. */
  output(): string;
  /** SIGKILL to the whole process group (serve.ts and its `next start`): no shutdown at all. */
  kill(): Promise<void>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
};

/** The same secret on every instance: a session cookie signed by one is read by the others. */
const SHARED_SECRET = "two-instance-test-secret-0123456789";

export async function startInstance(
  name: string,
  port: number,
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<AppInstance> {
  const baseUrl = `http://localhost:${port}`;
  let log = "";
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/serve.ts"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        RS_DATA_DIR: mkdtempSync(path.join(tmpdir(), `rs-${name}-`)),
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: SHARED_SECRET,
        NEXTAUTH_URL: "",
        SEED_DEMO: "false",
        ...extraEnv,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
    await exited;
  };
  const instance: AppInstance = {
    name,
    baseUrl,
    output: () => log,
    kill: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up:\n${log}`);
    const status = await fetch(`${baseUrl}/login`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return instance;
    await new Promise((r) => setTimeout(r, 250));
  }
  await instance.kill();
  throw new Error(`${name} did not answer on ${baseUrl} within 2 minutes:\n${log}`);
}
