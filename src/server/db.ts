// The one Prisma client of the server process (create-t3-app convention), on the pg driver
// adapter: the same code path for the embedded PGlite and a real PostgreSQL server. The client
// runs on a pg pool of our own so the job queue (src/server/jobs/) can share it: the embedded
// PGlite serves one connection, and the queue must queue its statements behind the app's.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "./config";
import { PrismaClient } from "./db/generated/client";

export type Db = PrismaClient;
/** A client or the transaction client handed to $transaction callbacks. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// On globalThis, as the process's client below: the request hook and Next's bundles each have their
// own copy of this module, and a client made by one copy is asked for its pool by another (the
// public API's rate limiter got "not made by createDb" whenever the hook's copy made the client).
const globalForPools = globalThis as unknown as { rsPools?: WeakMap<Db, pg.Pool> };
const pools = (globalForPools.rsPools ??= new WeakMap<Db, pg.Pool>());

/** A client on a pool of its own, ended with the client's $disconnect. */
export function createDb(databaseUrl: string, poolMax = 10): Db {
  return clientOnPool(new pg.Pool({ connectionString: databaseUrl, max: poolMax }), { ownsPool: true });
}

/** A client on `pool`; with ownsPool, $disconnect ends the pool too. */
export function clientOnPool(pool: pg.Pool, { ownsPool = false } = {}): Db {
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: ownsPool }) });
  pools.set(client, pool);
  return client;
}

/** The pool under a client made here (the job queue runs its statements on it). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("This database client was not made by createDb or clientOnPool.");
  return pool;
}

// On globalThis: the request hook (src/server/lifecycle/) and Next's bundles each have their own
// copy of this module, and must share one pool (the embedded database's one connection).
const globalForDb = globalThis as unknown as { rsDb?: Db; rsPool?: pg.Pool };

/** The process's one pool. */
export function appPool(): pg.Pool {
  if (!globalForDb.rsPool) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = config();
    if (!DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app with `npm start`.");
    globalForDb.rsPool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX });
  }
  return globalForDb.rsPool;
}

export function db(): Db {
  if (!globalForDb.rsDb) globalForDb.rsDb = clientOnPool(appPool());
  return globalForDb.rsDb;
}
