// Runs RS Systems: picks the database (embedded PGlite in $RS_DATA_DIR, default ./data, unless
// DATABASE_URL names a PostgreSQL server), applies migrations, seeds the demo business on an
// empty embedded database, then serves the built app with `next start` on $PORT (default 3000).
// Bad configuration stops here with one sentence naming the variable (src/server/config.ts
// declares and checks every setting). Logs are JSON lines (src/server/logging/logger.ts); the
// logins and the address are printed plainly for the person who typed `npm start`.
// SIGTERM or SIGINT stops the server gracefully (src/server/lifecycle/serve-requests.ts), then
// closes the database; a second signal ends the server at once.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import webpush from "web-push";
import { ConfigError, type ServerConfig, readConfig } from "../src/server/config";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../src/server/db/embedded-postgres";
import { applyMigrations } from "../src/server/db/migrations";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoBusiness } from "../src/server/seed/demo-business";
import { createDb } from "../src/server/db";
import { dropAbandonedUploads } from "../src/server/data/attachments/partial-upload";
import { ABANDONED_UPLOAD_DAYS } from "../src/domain/attachment-rules";
import { logger } from "../src/server/logging/logger";

const dev = process.argv.includes("--dev");

function fail(sentence: string): never {
  // Plain text: the settings (and so the log level) may be what is wrong.
  process.stderr.write(`\nRS Systems cannot start. ${sentence}\n\n`);
  process.exit(1);
}

function readSettings(): ServerConfig {
  try {
    // eslint-disable-next-line no-restricted-properties -- the one place start-up hands the environment to the config
    return readConfig({ ...process.env, NODE_ENV: dev ? "development" : "production" });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

const settings = readSettings();
// Behind a reverse proxy the public address is not http://localhost: without it next-auth would
// send session cookies without Secure over the proxy's https.
if (settings.TRUSTED_PROXIES.length > 0 && !settings.NEXTAUTH_URL)
  fail("NEXTAUTH_URL: set it to the public URL (such as https://rs.example.com) when TRUSTED_PROXIES is set.");
const dataDir = path.resolve(settings.RS_DATA_DIR);

/** For the person at the terminal: not a log line. */
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = (() => {
      try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || 5432}`;
      } catch {
        return "the given address";
      }
    })();
    fail(
      `DATABASE_URL: cannot reach the PostgreSQL server at ${where} (${(error as Error).message || (error as { code?: string }).code}).`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Key of the session-level advisory lock held while checking for users and seeding. */
const SEED_LOCK = 727275;

async function holdLock(url: string, key: number): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1)", [key]);
  return {
    async release() {
      await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

/** Development and the embedded default get a random secret kept in the data folder. */
function authSecret(production: boolean): string {
  const given = settings.NEXTAUTH_SECRET;
  if (given) return given;
  if (production)
    fail("NEXTAUTH_SECRET: set a random secret of at least 16 characters to run against a production database.");
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * Web Push's VAPID pair: the settings when given; on the embedded database or in development a
 * pair generated once and kept in the data folder (push subscriptions are bound to the public
 * key, so it must outlive restarts); on a server without them, push is off.
 */
function vapidKeys(server: boolean): { publicKey: string; privateKey: string } | null {
  if (settings.VAPID_PUBLIC_KEY && settings.VAPID_PRIVATE_KEY) {
    return { publicKey: settings.VAPID_PUBLIC_KEY, privateKey: settings.VAPID_PRIVATE_KEY };
  }
  if (settings.VAPID_PUBLIC_KEY || settings.VAPID_PRIVATE_KEY) {
    fail("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY: set both, or neither.");
  }
  if (server) {
    logger().warn("Web Push is off: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (npx web-push generate-vapid-keys).");
    return null;
  }
  const file = path.join(dataDir, "vapid-keys.json");
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600 });
  return JSON.parse(readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
}

async function main() {
  const port = settings.PORT;
  mkdirSync(dataDir, { recursive: true });
  // The file store's folder exists from the start: /api/health checks it, and never creates it.
  if (!settings.S3_URL) mkdirSync(path.join(dataDir, "blobs"), { recursive: true });

  const external = settings.DATABASE_URL;
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl: string;
  if (external) {
    await checkReachable(external);
    databaseUrl = external;
  } else {
    // Its socket stays in the data folder, open to this user only (never a network port).
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pglite"),
      socketDir: path.join(dataDir, "pglite-socket"),
    });
    databaseUrl = embedded.url;
  }
  const secret = authSecret(Boolean(external) && !dev);
  const vapid = vapidKeys(Boolean(external) && !dev);

  const applied = await applyMigrations(databaseUrl, "prisma/migrations");
  if (applied.length) logger().info({ migrations: applied }, `applied ${applied.length} migration(s)`);

  const wantDemo = settings.SEED_DEMO ?? !external;
  // Instances started together on one empty server would each count no users and seed twice
  // (the second fails on the unique emails and stops); one seeds, the others wait and see users.
  const seedLock = external ? await holdLock(databaseUrl, SEED_LOCK) : null;
  const seedDb = createDb(databaseUrl, 1);
  try {
    const users = await seedDb.user.count();
    if (users === 0 && wantDemo) {
      logger().info("empty database: creating the demo business");
      await seedDemoBusiness(seedDb, new Date(), settings.BUSINESS_TIME_ZONE);
    } else if (users === 0) {
      logger().warn(
        "The database has no users. Create the first admin with `npm run admin:create -- <email> <name>`, or start once with SEED_DEMO=true for demo data.",
      );
    }
    if (wantDemo || (await seedDb.user.count({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } })) > 0) {
      print(`\nDemo logins (password ${DEMO_PASSWORD}):`);
      for (const login of DEMO_LOGINS) print(`  ${login.role.padEnd(10)} ${login.email}`);
    }
    // Uploads also drop these whenever one starts; at start, an idle server reclaims them too.
    const dropped = await dropAbandonedUploads(seedDb, new Date());
    if (dropped) logger().info(`dropped ${dropped} upload(s) abandoned for ${ABANDONED_UPLOAD_DAYS} days.`);
  } finally {
    await seedDb.$disconnect();
    await seedLock?.release();
  }

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const serverHook = pathToFileURL(path.resolve("scripts/lib/next-server-hook.mjs")).href;
  const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], {
    stdio: "inherit",
    env: {
      // eslint-disable-next-line no-restricted-properties -- the server inherits PATH, HOME and the settings
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: embedded ? "1" : String(settings.DATABASE_POOL_MAX),
      NEXTAUTH_SECRET: secret,
      ...(vapid ? { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey } : {}),
      NEXTAUTH_URL: settings.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The request hook stops the production server itself, letting requests in flight finish.
      ...(dev ? {} : { NEXT_MANUAL_SIG_HANDLE: "1" }),
      // The connection's address for src/server/http/client-ip.ts, request ids, the request log
      // and graceful stop (the dev server forks: an environment variable reaches its child too,
      // unlike a flag).
      NODE_OPTIONS: [
        // eslint-disable-next-line no-restricted-properties -- flags of the operator kept beside ours
        process.env.NODE_OPTIONS,
        `--import ${JSON.stringify(serverHook)}`,
      ]
        .filter(Boolean)
        .join(" "),
    },
  });
  print(
    `\nRS Systems: http://localhost:${port}/login ${embedded ? `(embedded database in ${path.relative(process.cwd(), dataDir) || "."})` : "(PostgreSQL server)"}`,
  );

  // The first signal asks the server to stop gracefully; a second one ends it at once.
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) logger().info({ signal }, "stopping the server");
    else logger().warn({ signal }, "second signal: ending the server now");
    child.kill(signals === 1 ? "SIGTERM" : "SIGKILL");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await new Promise<number>((resolve) =>
    child.on("exit", (c, s) => resolve(c ?? (s === "SIGKILL" ? 1 : s ? 0 : 1))),
  );
  // The server is gone: the embedded database writes its last changes to disk and closes.
  await embedded?.stop();
  logger().info({ code }, "database closed, exiting");
  logger().flush();
  process.exit(code);
}

await main();
