// The database a backup is taken from or restored into: the embedded PGlite folder, or the
// PostgreSQL server DATABASE_URL names (saved with pg_dump, restored with pg_restore).
import "server-only";
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import type { ServerConfig } from "../config";

export type DatabaseTarget =
  { kind: "embedded"; dataDir: string; socketDir: string } | { kind: "postgresql"; url: string };

/** The same choice `npm start` makes (scripts/serve.ts). */
export function databaseTargetFor(settings: ServerConfig): DatabaseTarget {
  if (settings.DATABASE_URL) return { kind: "postgresql", url: settings.DATABASE_URL };
  const root = path.resolve(settings.RS_DATA_DIR);
  return { kind: "embedded", dataDir: path.join(root, "pglite"), socketDir: path.join(root, "pglite-socket") };
}

/** A refusal the scripts print as it is, without a stack. */
export class BackupRefused extends Error {
  override name = "BackupRefused";
}

export const isEmptyFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

function socketAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * PGlite is one process: a second one opening the folder while the app writes would copy or
 * damage a database in motion. The running app answers on its socket; postmaster.pid is there
 * while PGlite has the folder open (and after a crash, until it is opened and closed again).
 */
export async function refuseEmbeddedInUse(target: Extract<DatabaseTarget, { kind: "embedded" }>): Promise<void> {
  const running = await socketAnswers(path.join(target.socketDir, ".s.PGSQL.5432"));
  if (running || existsSync(path.join(target.dataDir, "postmaster.pid")))
    throw new BackupRefused(
      `The embedded database in ${target.dataDir} is in use. Stop RS Systems (Ctrl-C where \`npm start\` runs, ` +
        "or stop its service), then run this again." +
        (running ? "" : " If it is not running, it stopped abruptly: start it once and stop it with Ctrl-C."),
    );
}

/** pg_dump and pg_restore from PATH, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
export function findPostgresTool(
  name: "pg_dump" | "pg_restore",
  pathVariable: string | undefined,
  debianRoot = "/usr/lib/postgresql",
): string {
  const fromPath = (pathVariable ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name));
  const debian = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join(debianRoot, version, "bin", name))
    : [];
  const found = [...fromPath, ...debian].find((file) => existsSync(file));
  if (!found)
    throw new BackupRefused(
      `${name} was not found on PATH or in /usr/lib/postgresql/*/bin. Install PostgreSQL's client tools ` +
        "(Debian: apt-get install postgresql-client; the same major version as the server or newer) and run this again.",
    );
  return found;
}

/** Prisma's own parameters in DATABASE_URL, which libpq (pg_dump, pg_restore) refuses. */
const PRISMA_ONLY = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
];

/**
 * DATABASE_URL as libpq takes it. The password goes in PGPASSWORD, not on the command line,
 * where any local user could read it in the process list.
 */
export function libpqConnection(url: string): { dbname: string; env: { PGPASSWORD?: string } } {
  const parsed = new URL(url);
  for (const name of PRISMA_ONLY) parsed.searchParams.delete(name);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

const run = promisify(execFile);

/** Runs pg_dump or pg_restore on `url`; its own error text, which names what went wrong, on failure. */
export async function runPostgresTool(file: string, url: string, args: string[]): Promise<void> {
  const { dbname, env } = libpqConnection(url);
  try {
    await run(file, [...args, `--dbname=${dbname}`], {
      maxBuffer: 16 * 1024 * 1024,
      // eslint-disable-next-line no-restricted-properties -- the tool needs PATH, HOME, locale, and libpq's own PG* settings
      env: { ...process.env, ...env },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupRefused(`${path.basename(file)} failed: ${stderr || (error as Error).message}`);
  }
}
