import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { ArchiveDamaged, FORMAT_VERSION, MANIFEST, readArchive, writeArchive } from "./archive";

const dir = mkdtempSync(path.join(tmpdir(), "rs-archive-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(file: string, readBodies = true) {
  const out: { name: string; bytes: Buffer }[] = [];
  for await (const entry of readArchive(file)) {
    const pieces: Buffer[] = [];
    if (readBodies) for await (const piece of entry.body) pieces.push(piece);
    out.push({ name: entry.name, bytes: Buffer.concat(pieces) });
  }
  return out;
}

describe("the backup archive", () => {
  it("holds each member byte for byte, with the manifest last, as a tar that tar reads", async () => {
    const file = path.join(dir, "a.tar.gz");
    const big = randomBytes(700_000);
    const writer = writeArchive(file);
    await writer.add("database/dump", 3, Buffer.from("abc"));
    await writer.add(
      "blobs/x",
      big.length,
      (async function* () {
        for (let i = 0; i < big.length; i += 65_536) yield big.subarray(i, i + 65_536);
      })(),
    );
    await writer.add("empty", 0, Buffer.alloc(0));
    const manifest = await writer.finish({
      format: "rs-systems-backup",
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migration: null,
      database: { kind: "embedded", member: "database/dump" },
      counts: { tables: {}, blobs: 1, partialUploads: 0 },
    });
    expect(manifest.members[1]).toEqual({
      name: "blobs/x",
      sizeBytes: big.length,
      sha256: createHash("sha256").update(big).digest("hex"),
    });
    const entries = await collect(file);
    expect(entries.map((e) => e.name)).toEqual(["database/dump", "blobs/x", "empty", MANIFEST]);
    expect(entries[1]!.bytes.equals(big)).toBe(true);
    expect(JSON.parse(entries[3]!.bytes.toString()).members).toHaveLength(3);
    // Bodies left unread are skipped.
    expect((await collect(file, false)).map((e) => e.name)).toEqual(["database/dump", "blobs/x", "empty", MANIFEST]);
    expect(execFileSync("tar", ["tzf", file], { encoding: "utf8" }).trim().split("\n")).toEqual([
      "database/dump",
      "blobs/x",
      "empty",
      MANIFEST,
    ]);
  });

  it("refuses a member whose size does not match what was announced", async () => {
    const writer = writeArchive(path.join(dir, "b.tar.gz"));
    await expect(writer.add("short", 10, Buffer.from("abc"))).rejects.toThrow(/3 bytes were read where 10/);
    writer.abort();
  });

  it("says a file that is not a gzipped tar, or stops short, is damaged", async () => {
    const notGzip = path.join(dir, "c.tar.gz");
    writeFileSync(notGzip, "hello");
    await expect(collect(notGzip)).rejects.toBeInstanceOf(ArchiveDamaged);
    const notTar = path.join(dir, "d.tar.gz");
    writeFileSync(notTar, gzipSync(Buffer.alloc(1024, 1)));
    await expect(collect(notTar)).rejects.toThrow(/not a backup archive/);
    const cut = path.join(dir, "e.tar.gz");
    const writer = writeArchive(cut);
    await writer.add("x", 3, Buffer.from("abc"));
    writer.abort();
    await expect(collect(cut)).rejects.toBeInstanceOf(ArchiveDamaged);
  });
});
