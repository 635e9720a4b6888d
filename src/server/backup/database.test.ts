import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BackupRefused, findPostgresTool, libpqConnection } from "./database";

const root = mkdtempSync(path.join(tmpdir(), "rs-pgtools-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const tool = (dir: string, name: string) => {
  mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, dir, name), "");
  return path.join(root, dir, name);
};

describe("the PostgreSQL tools of a server backup", () => {
  it("are taken from PATH first, else from the newest /usr/lib/postgresql/<version>/bin", () => {
    const debian = path.join(root, "lib");
    tool("lib/9/bin", "pg_dump");
    const newest = tool("lib/15/bin", "pg_dump");
    expect(findPostgresTool("pg_dump", path.join(root, "nothing"), debian)).toBe(newest);
    const onPath = tool("bin", "pg_dump");
    expect(findPostgresTool("pg_dump", `/nowhere${path.delimiter}${path.join(root, "bin")}`, debian)).toBe(onPath);
  });

  it("are asked for in one sentence when absent", () => {
    expect(() => findPostgresTool("pg_restore", "", path.join(root, "none"))).toThrow(BackupRefused);
    expect(() => findPostgresTool("pg_restore", "", path.join(root, "none"))).toThrow(
      /pg_restore was not found on PATH or in \/usr\/lib\/postgresql\/\*\/bin\. Install PostgreSQL's client tools/,
    );
  });

  it("get DATABASE_URL without Prisma's parameters, and its password out of the command line", () => {
    expect(
      libpqConnection("postgresql://rs:s%40cret@db:5432/rs?schema=public&sslmode=require&connection_limit=5"),
    ).toEqual({
      dbname: "postgresql://rs@db:5432/rs?sslmode=require",
      env: { PGPASSWORD: "s@cret" },
    });
    expect(libpqConnection("postgresql://postgres@127.0.0.1:5432/postgres").env).toEqual({});
  });
});
