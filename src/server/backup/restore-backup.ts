// `npm run restore -- <file>`: checks the whole archive first (every member against the
// manifest's sha256), then restores the database into an empty target (or, with --force, one it
// replaces), migrates it to this version, puts every blob back into the blob store, and checks
// every StoredBlob's bytes against its sha256.
// Blobs are put back under new keys (the store hands keys out) and the restored rows are pointed
// at them: nothing already in the store is ever overwritten.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import { type BlobStore, BlobMissing, digestOf } from "../blobs";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { applyMigrations, readMigrations } from "../db/migrations";
import { ArchiveDamaged, FORMAT_VERSION, MANIFEST, type Manifest, type MemberDigest, readArchive } from "./archive";
import {
  BackupRefused,
  type DatabaseTarget,
  findPostgresTool,
  isEmptyFolder,
  refuseEmbeddedInUse,
  runPostgresTool,
} from "./database";

/** Reads the whole archive once: its manifest, when every member matches it. */
export async function verifyArchive(file: string): Promise<Manifest> {
  const seen: MemberDigest[] = [];
  let manifest: Manifest | undefined;
  for await (const entry of readArchive(file)) {
    if (manifest) throw new ArchiveDamaged(`The archive holds ${entry.name} after its manifest.`);
    if (entry.name === MANIFEST) {
      const chunks: Buffer[] = [];
      for await (const piece of entry.body) chunks.push(piece);
      try {
        manifest = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Manifest;
      } catch {
        throw new ArchiveDamaged("The archive's manifest is damaged.");
      }
      continue;
    }
    const hash = createHash("sha256");
    for await (const piece of entry.body) hash.update(piece);
    seen.push({ name: entry.name, sizeBytes: entry.sizeBytes, sha256: hash.digest("hex") });
  }
  if (!manifest) throw new ArchiveDamaged("The archive has no manifest: it is not a whole backup.");
  if (manifest.format !== "rs-systems-backup" || manifest.formatVersion !== FORMAT_VERSION)
    throw new BackupRefused(
      `This archive's format (${manifest.format} ${manifest.formatVersion}) is not one this version reads.`,
    );
  const listed = new Map(manifest.members.map((m) => [m.name, m]));
  for (const member of seen) {
    const expected = listed.get(member.name);
    if (!expected) throw new ArchiveDamaged(`${member.name} is in the archive but not in its manifest.`);
    if (expected.sha256 !== member.sha256 || expected.sizeBytes !== member.sizeBytes)
      throw new ArchiveDamaged(
        `${member.name} does not match its sha256 in the manifest: the file was changed or damaged. Nothing was restored.`,
      );
    listed.delete(member.name);
  }
  if (listed.size) throw new ArchiveDamaged(`The archive lacks ${[...listed.keys()][0]}, which its manifest lists.`);
  return manifest;
}

export type RestoreOptions = {
  file: string;
  target: DatabaseTarget;
  store: BlobStore;
  force?: boolean;
  migrationsDir?: string;
  pathVariable?: string;
  now?: Date;
  log?: (line: string) => void;
};

export type RestoreSummary = {
  manifest: Manifest;
  migrationsApplied: string[];
  /** The embedded folder moved aside by --force. */
  movedAside: string | null;
  rows: number;
  blobsRestored: number;
  partialUploadsRestored: number;
  blobsChecked: number;
  /**
   * "<sha256>: <what is wrong>" for each StoredBlob whose bytes are missing or differ, and
   * "table <name>: …" for a table whose row count is not the one saved.
   */
  mismatches: string[];
};

async function serverIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    return rows[0]!.n === 0;
  } finally {
    await client.end();
  }
}

async function clearServer(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}

const stamp = (now: Date) => now.toISOString().replaceAll(/[-:]/g, "").replace(/\..*/, "");

export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const { file, target, store, log = () => {} } = options;
  const migrationsDir = options.migrationsDir ?? "prisma/migrations";
  const manifest = await verifyArchive(file);
  log(`archive checked: ${manifest.members.length} members match the manifest`);

  const known = (await readMigrations(migrationsDir)).map((m) => m.name);
  if (manifest.migration && !known.includes(manifest.migration))
    throw new BackupRefused(
      `This archive was made by a newer version of RS Systems (migration ${manifest.migration} is unknown here). Restore it with that version.`,
    );
  if (manifest.database.kind !== target.kind)
    throw new BackupRefused(
      manifest.database.kind === "embedded"
        ? "This archive holds an embedded database, and DATABASE_URL names a PostgreSQL server: restore it without DATABASE_URL (into RS_DATA_DIR)."
        : "This archive holds a PostgreSQL server's database: set DATABASE_URL to the (empty) database to restore it into.",
    );

  // The target: empty, or replaced with --force.
  let movedAside: string | null = null;
  if (target.kind === "embedded") {
    await refuseEmbeddedInUse(target);
    if (!isEmptyFolder(target.dataDir)) {
      if (!options.force)
        throw new BackupRefused(
          `${target.dataDir} already holds a database. Restoring would replace it: run again with --force to move it aside and restore.`,
        );
      movedAside = `${target.dataDir}.before-restore-${stamp(options.now ?? new Date())}`;
      renameSync(target.dataDir, movedAside);
      log(`the database that was there is kept in ${movedAside}`);
    }
  } else if (!(await serverIsEmpty(target.url))) {
    if (!options.force)
      throw new BackupRefused(
        "The database DATABASE_URL names is not empty (it has tables). Restoring would replace it: run again with --force to drop everything in its public schema and restore.",
      );
    await clearServer(target.url);
    log("the database's public schema was emptied");
  }

  const expected = new Map(manifest.members.map((m) => [m.name, m]));
  const newKeys = new Map<string, string>();
  const partials: string[] = [];
  const dumpFile = path.join(tmpdir(), `rs-restore-${randomUUID()}.dump`);
  try {
    for await (const entry of readArchive(file)) {
      if (entry.name === MANIFEST) continue;
      const member = expected.get(entry.name)!;
      // Hashed again on the way: the file could have changed since it was checked.
      const hash = createHash("sha256");
      const body = Readable.from(
        (async function* () {
          for await (const piece of entry.body) {
            hash.update(piece);
            yield piece;
          }
          if (hash.digest("hex") !== member.sha256)
            throw new ArchiveDamaged(`${entry.name} changed while it was being restored.`);
        })(),
      );
      if (entry.name === manifest.database.member) {
        if (target.kind === "embedded") {
          const chunks: Buffer[] = [];
          for await (const piece of body) chunks.push(piece as Buffer);
          mkdirSync(path.dirname(target.dataDir), { recursive: true });
          const db = new PGlite(target.dataDir, { loadDataDir: new Blob([Buffer.concat(chunks)]) });
          await db.waitReady;
          await db.close();
        } else {
          await pipeline(body, createWriteStream(dumpFile, { mode: 0o600 }));
          await runPostgresTool(findPostgresTool("pg_restore", options.pathVariable), target.url, [
            "--no-owner",
            "--no-acl",
            "--exit-on-error",
            "--single-transaction",
            dumpFile,
          ]);
          rmSync(dumpFile, { force: true });
        }
        log("database restored");
      } else if (entry.name.startsWith("blobs/")) {
        newKeys.set(entry.name.slice("blobs/".length), await store.put(body, member));
      } else if (entry.name.startsWith("partial/")) {
        const attachmentId = entry.name.slice("partial/".length);
        const chunks: Buffer[] = [];
        for await (const piece of body) chunks.push(piece as Buffer);
        const bytes = Buffer.concat(chunks);
        for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES)
          await store.writePartial(attachmentId, offset, bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES));
        partials.push(attachmentId);
      }
    }
  } finally {
    rmSync(dumpFile, { force: true });
  }
  log(`${newKeys.size} blob(s) and ${partials.length} upload(s) in progress put back`);

  const embedded = target.kind === "embedded" ? await startEmbeddedPostgres({ dataDir: target.dataDir }) : null;
  const url = embedded?.url ?? (target as Extract<DatabaseTarget, { kind: "postgresql" }>).url;
  try {
    const migrationsApplied = await applyMigrations(url, migrationsDir, log);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `UPDATE "StoredBlob" s SET "storeKey" = m.new FROM unnest($1::text[], $2::text[]) AS m(old, new)
          WHERE s."storeKey" = m.old`,
        [[...newKeys.keys()], [...newKeys.values()]],
      );
      // An upload whose bytes were not saved starts again: the device resumes from the count.
      await client.query(
        `UPDATE "PartialUpload" SET "receivedBytes" = 0 WHERE "inStore" AND NOT ("attachmentId"::text = ANY($1::text[]))`,
        [partials],
      );
      await client.query("COMMIT");

      const tables = await client.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
      );
      let rows = 0;
      const mismatches: string[] = [];
      for (const { name } of tables.rows) {
        const { n } = (
          await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "public"."${name.replaceAll('"', '""')}"`)
        ).rows[0]!;
        rows += n;
        // A newer migration may rightly change rows; otherwise every table holds what was saved.
        const saved = manifest.counts.tables[name];
        if (!migrationsApplied.length && saved !== undefined && saved !== n)
          mismatches.push(`table ${name}: ${n} rows restored, ${saved} saved`);
      }
      const blobs = await client.query<{
        sha256: string;
        sizeBytes: number;
        storeKey: string | null;
        contentSha256: string | null;
        contentBytes: number | null;
      }>(
        `SELECT sha256, "sizeBytes", "storeKey", encode(sha256(content), 'hex') AS "contentSha256",
                length(content) AS "contentBytes"
           FROM "StoredBlob" ORDER BY sha256`,
      );
      for (const blob of blobs.rows) {
        let actual: { sha256: string; sizeBytes: number } | null = null;
        if (blob.storeKey) {
          try {
            actual = await digestOf(await store.open(blob.storeKey));
          } catch (error) {
            if (!(error instanceof BlobMissing)) throw error;
          }
        } else if (blob.contentSha256 !== null) {
          actual = { sha256: blob.contentSha256, sizeBytes: blob.contentBytes ?? 0 };
        }
        if (!actual) mismatches.push(`${blob.sha256}: its bytes are missing`);
        else if (actual.sha256 !== blob.sha256 || actual.sizeBytes !== blob.sizeBytes)
          mismatches.push(
            `${blob.sha256}: the bytes restored have sha256 ${actual.sha256} (${actual.sizeBytes} bytes)`,
          );
      }
      return {
        manifest,
        migrationsApplied,
        movedAside,
        rows,
        blobsRestored: newKeys.size,
        partialUploadsRestored: partials.length,
        blobsChecked: blobs.rows.length,
        mismatches,
      };
    } finally {
      await client.end();
    }
  } finally {
    await embedded?.stop();
  }
}
