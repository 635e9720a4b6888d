// `npm run backup`: the database and the blob store in one archive (archive.ts).
// - Embedded: the app must be stopped (database.ts says why); the PGlite folder is saved whole
//   with PGlite's own dumpDataDir, a copy PGlite opens as it was.
// - Server: pg_dump (custom format) inside a snapshot the script holds open, so the row counts and
//   the list of blobs saved come from the very state the dump saves; the app may keep running.
// Blobs are read through the blob store (a folder or S3) by the keys the saved StoredBlob rows
// name: complete, checked blobs only, never tmp/ leftovers. Uploads in progress are saved too.
import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type BlobStore, BlobMissing } from "../blobs";
import { FORMAT_VERSION, type Manifest, writeArchive } from "./archive";
import {
  BackupRefused,
  type DatabaseTarget,
  findPostgresTool,
  isEmptyFolder,
  refuseEmbeddedInUse,
  runPostgresTool,
} from "./database";

export const EMBEDDED_MEMBER = "database/pglite-datadir.tar";
export const POSTGRESQL_MEMBER = "database/postgresql.dump";
export const blobMember = (key: string) => `blobs/${key}`;
export const partialMember = (attachmentId: string) => `partial/${attachmentId}`;

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

type Snapshot = {
  query: Query;
  /** The database's own copy: a file, or bytes. */
  dump: { file: string } | { bytes: Uint8Array };
  close(): Promise<void>;
};

async function embeddedSnapshot(target: Extract<DatabaseTarget, { kind: "embedded" }>): Promise<Snapshot> {
  await refuseEmbeddedInUse(target);
  if (isEmptyFolder(target.dataDir)) throw new BackupRefused(`There is no database in ${target.dataDir} to back up.`);
  const db = new PGlite(target.dataDir);
  await db.waitReady;
  try {
    const dump = await db.dumpDataDir("none");
    return {
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
      dump: { bytes: new Uint8Array(await dump.arrayBuffer()) },
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function serverSnapshot(
  target: Extract<DatabaseTarget, { kind: "postgresql" }>,
  pathVariable: string | undefined,
): Promise<Snapshot> {
  const pgDump = findPostgresTool("pg_dump", pathVariable);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const file = path.join(tmpdir(), `rs-backup-${randomUUID()}.dump`);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [{ snapshot }] = (await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot"))
      .rows as [{ snapshot: string }];
    await runPostgresTool(pgDump, target.url, [
      "--format=custom",
      "--no-owner",
      "--no-acl",
      `--snapshot=${snapshot}`,
      `--file=${file}`,
    ]);
    return {
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      dump: { file },
      async close() {
        await client.query("COMMIT").catch(() => {});
        await client.end();
        rmSync(file, { force: true });
      },
    };
  } catch (error) {
    await client.end().catch(() => {});
    rmSync(file, { force: true });
    throw error;
  }
}

export type BackupOptions = {
  target: DatabaseTarget;
  store: BlobStore;
  /** The archive to write; refused when it exists. */
  out: string;
  /** Where pg_dump is looked for first. */
  pathVariable?: string;
  now?: Date;
  log?: (line: string) => void;
};

export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const { target, store, out, log = () => {} } = options;
  if (existsSync(out)) throw new BackupRefused(`${out} exists already; name another file with --out.`);
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const snapshot =
    target.kind === "embedded" ? await embeddedSnapshot(target) : await serverSnapshot(target, options.pathVariable);
  // Written beside, renamed when complete: a backup that stopped never looks like a whole one.
  const partialFile = `${out}.incomplete`;
  const archive = writeArchive(partialFile);
  try {
    const { query } = snapshot;
    const [migration] = await query<{ name: string }>(
      `SELECT name FROM "_rs_migrations" ORDER BY name DESC LIMIT 1`,
    ).catch(() => []);
    const tables: Record<string, number> = {};
    for (const { name } of await query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )) {
      const [row] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "public"."${name.replaceAll('"', '""')}"`,
      );
      tables[name] = row!.n;
    }
    const blobs = await query<{ storeKey: string; sizeBytes: number }>(
      `SELECT "storeKey", "sizeBytes" FROM "StoredBlob" WHERE "storeKey" IS NOT NULL ORDER BY "storeKey"`,
    );
    const uploads = await query<{ attachmentId: string; receivedBytes: number }>(
      `SELECT "attachmentId"::text AS "attachmentId", "receivedBytes" FROM "PartialUpload"
        WHERE "inStore" AND "receivedBytes" > 0 ORDER BY "attachmentId"`,
    );
    const member = target.kind === "embedded" ? EMBEDDED_MEMBER : POSTGRESQL_MEMBER;
    if ("bytes" in snapshot.dump) await archive.add(member, snapshot.dump.bytes.length, snapshot.dump.bytes);
    else await archive.add(member, statSync(snapshot.dump.file).size, createReadStream(snapshot.dump.file));
    await snapshot.close();
    log(
      `database saved (${Object.values(tables).reduce((a, b) => a + b, 0)} rows in ${Object.keys(tables).length} tables)`,
    );

    let blobBytes = 0;
    for (const blob of blobs) {
      await archive.add(blobMember(blob.storeKey), blob.sizeBytes, await store.open(blob.storeKey));
      blobBytes += blob.sizeBytes;
    }
    log(`${blobs.length} blob(s) saved (${blobBytes} bytes)`);
    let partials = 0;
    for (const upload of uploads) {
      // Completed since the snapshot: its bytes are a blob now, and the restored row starts again.
      const bytes = await store.openPartial(upload.attachmentId, upload.receivedBytes).catch((error: unknown) => {
        if (error instanceof BlobMissing) return null;
        throw error;
      });
      if (!bytes) continue;
      await archive.add(partialMember(upload.attachmentId), upload.receivedBytes, bytes);
      partials++;
    }
    const manifest = await archive.finish({
      format: "rs-systems-backup",
      formatVersion: FORMAT_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      migration: migration?.name ?? null,
      database: { kind: target.kind, member },
      counts: { tables, blobs: blobs.length, partialUploads: partials },
    });
    renameSync(partialFile, out);
    return manifest;
  } catch (error) {
    archive.abort();
    await snapshot.close().catch(() => {});
    rmSync(partialFile, { force: true });
    throw error;
  }
}
