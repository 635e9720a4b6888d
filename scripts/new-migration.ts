// Generates the SQL that takes the last migration's schema snapshot to prisma/schema.prisma,
// as a new migration folder holding migration.sql and a copy of the schema it was made from:
// `npm run db:diff -- <name>`. Review the SQL, then commit both files.
// (Diffing against a live database is refused by Prisma when a driver adapter is configured.)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../src/server/db/embedded-postgres";

const label = (process.argv[2] ?? "change").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
const dir = "prisma/migrations";
const embedded = await startEmbeddedPostgres();
try {
  const previous = readdirSync(dir)
    .filter((n) => /^\d{4}_/.test(n))
    .sort()
    .at(-1);
  const from =
    previous && existsSync(path.join(dir, previous, "schema.prisma"))
      ? ["--from-schema-datamodel", path.join(dir, previous, "schema.prisma")]
      : ["--from-empty"];
  // The adapter needs a live database even for a schema-to-schema diff; run the CLI
  // asynchronously so this process can keep serving the embedded database meanwhile.
  const { stdout: sql } = await promisify(execFile)(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env: { ...process.env, DATABASE_URL: embedded.url }, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("The schema matches the migrations: nothing to generate.");
  } else {
    const next = String(readdirSync(dir).filter((n) => /^\d{4}_/.test(n)).length + 1).padStart(4, "0");
    const folder = path.join(dir, `${next}_${label}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    copyFileSync("prisma/schema.prisma", path.join(folder, "schema.prisma"));
    console.log(`Wrote ${folder}/migration.sql`);
  }
} finally {
  await embedded.stop();
}
