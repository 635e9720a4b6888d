// A server of the spec's own, on its own port and embedded database, for tests that stop and
// start it (the shared webServer must stay up for the other specs).
import { type ChildProcess, spawn } from "node:child_process";
import { expect } from "@playwright/test";

export type OwnServer = {
  baseURL: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
  /** Sends `signal` to the server's processes and resolves with the launcher's exit code. */
  signal(signal: NodeJS.Signals): Promise<number | null>;
};

export function ownServer(port: number, dataDir: string): OwnServer {
  let child: ChildProcess | undefined;
  let log = "";
  const baseURL = `http://localhost:${port}`;
  return {
    baseURL,
    output: () => log,
    async start() {
      if (child) throw new Error("the server is already running");
      child = spawn(
        process.execPath,
        ["--import", "tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/serve.ts"],
        {
          // Embedded database in dataDir, kept across restarts with its auth secret (sessions survive).
          env: {
            ...process.env,
            PORT: String(port),
            RS_DATA_DIR: dataDir,
            DATABASE_URL: "",
            NEXTAUTH_URL: "",
            NEXTAUTH_SECRET: "",
          },
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
      child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
      await expect
        .poll(async () => (await fetch(`${baseURL}/login`).catch(() => null))?.status ?? 0, {
          timeout: 120_000,
          intervals: [250, 500, 1000],
        })
        .toBe(200)
        .catch((error: Error) => {
          throw new Error(`the spec's server did not serve /login; it printed:\n${log.slice(-4000)}`, { cause: error });
        });
    },
    signal(signal) {
      const running = child;
      if (!running?.pid || running.exitCode !== null) throw new Error("the server is not running");
      const exited = new Promise<number | null>((resolve) => running.once("exit", (code) => resolve(code)));
      exited.then(() => {
        if (child === running) child = undefined;
      });
      process.kill(-running.pid, signal);
      return exited;
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running?.pid || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      process.kill(-running.pid, "SIGTERM");
      await exited;
    },
  };
}
