import pg from "pg";
import { expect, it, vi } from "vitest";

it("knows the pool of a client made by another copy of this module (the request hook's and Next's bundles)", async () => {
  const hooks = await import("./db");
  vi.resetModules();
  const bundles = await import("./db");
  expect(bundles).not.toBe(hooks);
  // Never connected: making a client and asking for its pool opens no connection.
  const pool = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:1/none" });
  try {
    const client = hooks.clientOnPool(pool);
    expect(bundles.poolOf(client)).toBe(pool);
  } finally {
    await pool.end();
  }
});
