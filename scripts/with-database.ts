// Runs a command against a throwaway in-memory embedded PostgreSQL (or $DATABASE_URL when set),
// with the committed migrations applied first. Used for Prisma CLI commands that need a live
// database, e.g. `tsx scripts/with-database.ts -- prisma migrate diff ...`.
import { spawn } from "node:child_process";
import { applyMigrations } from "../src/server/db/migrations";
import { startEmbeddedPostgres } from "../src/server/db/embedded-postgres";

const args = process.argv.slice(2).filter((a) => a !== "--");
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
const url = process.env.DATABASE_URL ?? embedded!.url;
await applyMigrations(url, "prisma/migrations");
// Asynchronous, so this process keeps serving the embedded database to the child.
const child = spawn(args[0]!, args.slice(1), { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
const status = await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
await embedded?.stop();
process.exit(status);
