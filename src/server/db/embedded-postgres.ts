// The embedded default database: PostgreSQL compiled to WebAssembly (PGlite), served on a Unix
// socket so Prisma, the migration runner and psql talk to it exactly as to a real server.
// PGlite trusts whoever connects and serves one connection at a time, so it never listens on a
// port: the socket sits in a folder only this user may open (0700), the same protection the data
// files themselves have. Keep a single client connection (pool max 1).
import "server-only";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  url: string;
  socketDir: string;
  /** The whole database as a tar image, which `fromImage` starts from (no client may be mid-transaction). */
  image: () => Promise<Blob>;
  stop: () => Promise<void>;
};

/** The file name PostgreSQL clients (pg, Prisma, psql) look for in the folder given as `host`. */
const SOCKET_FILE = ".s.PGSQL.5432";
/** sun_path holds 108 bytes on Linux, 104 on macOS. */
const MAX_SOCKET_PATH = 100;

/**
 * dataDir undefined = in memory (tests); otherwise a folder created on first run.
 * fromImage: an in-memory database starts as a copy of this image (from `image()`), skipping
 * initdb, the slowest part of PGlite's start (tests start from an image of a migrated database).
 * socketDir: where the socket lives (made 0700); a private temporary folder when not given or
 * when its path is too long for a socket.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; socketDir?: string; fromImage?: Blob } = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir && options.fromImage) throw new Error("fromImage starts an in-memory database, not a folder");
  const db = options.dataDir
    ? new PGlite(options.dataDir)
    : new PGlite(options.fromImage ? { loadDataDir: options.fromImage } : {});
  await db.waitReady;
  const { dir, temporary } = privateSocketDir(options.socketDir);
  const socketPath = path.join(dir, SOCKET_FILE);
  // A socket left by a process that died; PGlite's own folder cannot be opened twice anyway.
  rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer({ db, path: socketPath });
  await server.start();
  chmodSync(socketPath, 0o600);
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&sslmode=disable`,
    socketDir: dir,
    image: () => db.dumpDataDir("none"),
    async stop() {
      await server.stop();
      await db.close();
      rmSync(temporary ? dir : socketPath, { recursive: true, force: true });
    },
  };
}

function privateSocketDir(wanted: string | undefined): { dir: string; temporary: boolean } {
  if (wanted && path.resolve(wanted, SOCKET_FILE).length <= MAX_SOCKET_PATH) {
    const dir = path.resolve(wanted);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700); // also when the folder existed with wider rights
    return { dir, temporary: false };
  }
  return { dir: mkdtempSync(path.join(tmpdir(), "rs-pglite-")), temporary: true };
}
