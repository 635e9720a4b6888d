// The one Prisma client of the server process (create-t3-app convention), on the pg driver
// adapter: the same code path for the embedded PGlite and a real PostgreSQL server.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "./config";
import { PrismaClient } from "./db/generated/client";

export type Db = PrismaClient;
/** A client or the transaction client handed to $transaction callbacks. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(databaseUrl: string, poolMax = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolMax }) });
}

const globalForDb = globalThis as unknown as { rsDb?: Db };

export function db(): Db {
  if (!globalForDb.rsDb) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = config();
    if (!DATABASE_URL) throw new Error("DATABASE_URL is not set: start the app with `npm start`.");
    globalForDb.rsDb = createDb(DATABASE_URL, DATABASE_POOL_MAX);
  }
  return globalForDb.rsDb;
}
