// `npm run backup` / `npm run restore` end to end, on the embedded default (a PGlite folder) or,
// with TEST_DATABASE_URL, on a real PostgreSQL server (pg_dump / pg_restore): a customer, a
// repair and its photo uploaded through the upload route, an upload in progress; backup; restore
// into a fresh target and a fresh blob store (from the file store into S3); every row and every
// byte the same.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import { type BlobStore, createFileBlobStore, createS3BlobStore, setBlobStore } from "~/server/blobs";
import { ArchiveDamaged } from "~/server/backup/archive";
import { createBackup } from "~/server/backup/create-backup";
import { type DatabaseTarget } from "~/server/backup/database";
import { restoreBackup } from "~/server/backup/restore-backup";
import { type Db, createDb } from "~/server/db";
import { startEmbeddedPostgres } from "~/server/db/embedded-postgres";
import { applyMigrations } from "~/server/db/migrations";
import { attachmentContentResponse } from "~/server/http/content-response";
import { chunkResponse, uploadStatusResponse } from "~/server/http/upload-responses";
import { bytesOf } from "../../support/blobs";
import { type World, createWorld } from "../../support/fixtures";
import { type TestS3Server, startS3Server } from "../../support/s3-server";
import { fileOf, push, repairCapture } from "../../support/sync-flows";

const serverUrl = process.env.TEST_DATABASE_URL;
const kind = serverUrl ? "postgresql" : "embedded";
const root = mkdtempSync(path.join(tmpdir(), "rs-backup-test-"));
const folder = (name: string) => path.join(root, name);
const servers: string[] = [];

/** A fresh target: a new PGlite folder, or a new database on the test server. */
async function freshTarget(name: string): Promise<DatabaseTarget> {
  if (!serverUrl) {
    mkdirSync(folder(name), { recursive: true });
    return { kind: "embedded", dataDir: folder(`${name}/pglite`), socketDir: folder(`${name}/pglite-socket`) };
  }
  const database = `rs_backup_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  servers.push(database);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return { kind: "postgresql", url: url.toString() };
}

/** The target's database served for a while (the embedded one on its own socket, as the app does). */
async function open(target: DatabaseTarget): Promise<{ url: string; close: () => Promise<void> }> {
  if (target.kind === "postgresql") return { url: target.url, close: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: target.dataDir, socketDir: target.socketDir });
  return { url: embedded.url, close: () => embedded.stop() };
}

/** The embedded socket takes one connection: Prisma's may take a moment to close after $disconnect. */
async function connected(url: string): Promise<pg.Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Every row of every table, as JSON text; the blob keys are the store's own and may change. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const client = await connected(url);
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const rows: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const result = await client.query<{ row: string }>(
        `SELECT (to_jsonb(t) - 'storeKey')::text AS row FROM "${name}" t ORDER BY 1`,
      );
      rows[name] = result.rows.map((r) => r.row);
    }
    return rows;
  } finally {
    await client.end();
  }
}

const put = (attachmentId: string, offset: number, body: Uint8Array) =>
  new Request(`http://localhost/api/uploads/${attachmentId}?offset=${offset}`, {
    method: "PUT",
    body: Buffer.from(body),
    headers: { "Content-Type": "application/octet-stream" },
  });

async function upload(db: Db, world: World, id: string, bytes: Uint8Array, upTo: number, from = 0) {
  for (let offset = from; offset < upTo; offset += UPLOAD_CHUNK_BYTES) {
    const res = await chunkResponse(
      db,
      world.tina.actor,
      id,
      put(id, offset, bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES)),
    );
    expect(res.status).toBe(200);
  }
}

describe(`backup and restore (${kind})`, () => {
  const photo = fileOf(600_000);
  const unfinished = fileOf(700_000);
  const sourceStore = createFileBlobStore(folder("source-blobs"));
  let source: DatabaseTarget;
  let s3: TestS3Server;
  let world: World;
  let rowsBefore: Record<string, string[]>;
  let photoBytesBefore: Buffer;
  const archive = folder("backup.tar.gz");

  beforeAll(async () => {
    s3 = await startS3Server();
    setBlobStore(sourceStore);
    source = await freshTarget("source");
    const served = await open(source);
    await applyMigrations(served.url, "prisma/migrations");
    const db = createDb(served.url, 1);
    try {
      world = await createWorld(db);
      await push(db, world.tina, [
        repairCapture(world.walk, { unitNumber: "BK-1", attachments: [photo.meta, unfinished.meta] }),
      ]);
      await upload(db, world, photo.meta.id, photo.bytes, photo.bytes.length);
      await upload(db, world, unfinished.meta.id, unfinished.bytes, UPLOAD_CHUNK_BYTES);
      // A file kept in the database from before the blob store, whose bytes do not match its sha256.
      await db.$executeRaw`INSERT INTO "StoredBlob" (sha256, "mimeType", "sizeBytes", "receivedBytes", content, "completedAt")
        VALUES (${"0".repeat(64)}, 'image/jpeg', 3, 3, ${Buffer.from("abc")}, now())`;
      photoBytesBefore = await bytesOf(
        (await attachmentContentResponse(db, world.carla.actor, photo.meta.id)).body as never,
      );
      expect(photoBytesBefore.equals(Buffer.from(photo.bytes))).toBe(true);
    } finally {
      await db.$disconnect();
    }
    // One connection at a time on the embedded database: after the app's is closed.
    rowsBefore = await everyRow(served.url);
    if (source.kind === "embedded")
      await expect(createBackup({ target: source, store: sourceStore, out: folder("refused.tar.gz") })).rejects.toThrow(
        /is in use\. Stop RS Systems/,
      );
    await served.close();
    const manifest = await createBackup({ target: source, store: sourceStore, out: archive });
    expect(manifest.counts).toMatchObject({ blobs: 1, partialUploads: 1 });
    expect(manifest.counts.tables).toMatchObject({ Customer: 2, Repair: 1, Attachment: 2, StoredBlob: 2 });
    expect(manifest.migration).toMatch(/^\d{4}_/);
  });

  afterAll(async () => {
    await s3?.stop();
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      for (const database of servers) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
    rmSync(root, { recursive: true, force: true });
  });

  it("restores every row and every byte into a fresh target and store (S3 here), and says which file does not match", async () => {
    const target = await freshTarget("restored");
    const store: BlobStore = createS3BlobStore(s3.settings);
    const summary = await restoreBackup({ file: archive, target, store });
    expect(summary).toMatchObject({ blobsRestored: 1, partialUploadsRestored: 1, blobsChecked: 2, movedAside: null });
    expect(summary.mismatches).toEqual([
      expect.stringMatching(/^0{64}: the bytes restored have sha256 [0-9a-f]{64} \(3 bytes\)$/),
    ]);

    const served = await open(target);
    expect(await everyRow(served.url)).toEqual(rowsBefore);
    const db = createDb(served.url, 1);
    try {
      setBlobStore(store);
      const response = await attachmentContentResponse(db, world.carla.actor, photo.meta.id);
      expect(response.status).toBe(200);
      expect((await bytesOf(response.body as never)).equals(photoBytesBefore)).toBe(true);
      // The upload in progress resumes where it was.
      const status = await (await uploadStatusResponse(db, world.tina.actor, unfinished.meta.id)).json();
      expect(status).toMatchObject({ receivedBytes: UPLOAD_CHUNK_BYTES, complete: false });
      await upload(db, world, unfinished.meta.id, unfinished.bytes, unfinished.bytes.length, UPLOAD_CHUNK_BYTES);
      const done = await attachmentContentResponse(db, world.carla.actor, unfinished.meta.id);
      expect((await bytesOf(done.body as never)).equals(Buffer.from(unfinished.bytes))).toBe(true);
    } finally {
      await db.$disconnect();
      await served.close();
    }

    // Again into the same target: refused, then replaced with --force.
    await expect(restoreBackup({ file: archive, target, store })).rejects.toThrow(
      /already holds a database|is not empty/,
    );
    const forced = await restoreBackup({ file: archive, target, store, force: true });
    expect(forced.blobsChecked).toBe(2);
    if (target.kind === "embedded") expect(forced.movedAside).toMatch(/pglite\.before-restore-/);
  });

  it("refuses an archive whose member was changed, before touching the target", async () => {
    const tar = gunzipSync(readFileSync(archive));
    let at = -1;
    for (let offset = 0; offset < tar.length; offset += 512)
      if (tar.toString("utf8", offset, offset + 6) === "blobs/") {
        at = offset + 512;
        break;
      }
    expect(at).toBeGreaterThan(0);
    tar[at + 100] = tar[at + 100]! ^ 0xff;
    const damaged = folder("damaged.tar.gz");
    writeFileSync(damaged, gzipSync(tar));
    const target = await freshTarget("untouched");
    const error = await restoreBackup({ file: damaged, target, store: createFileBlobStore(folder("x")) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArchiveDamaged);
    expect((error as Error).message).toMatch(/^blobs\/[0-9a-f-]{36} does not match its sha256 in the manifest/);
    const served = await open(target);
    try {
      expect(await everyRow(served.url)).toEqual({});
    } finally {
      await served.close();
    }
  });
});
