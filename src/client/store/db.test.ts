import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { CUSTOMER_ID, snapshot } from "../test-support/snapshot";
import { RsDb } from "./db";
import { findUnit } from "./estimate-facts";

describe("RsDb upgrades", () => {
  it("version 2 indexes the units a device prepared under version 1 by their typed number", async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v1 = new Dexie("rs-upgrade", deps);
    v1.version(1).stores({ snapshotUnits: "id, customerId, [customerId+unitNumber]" });
    await v1.table("snapshotUnits").bulkAdd(snapshot().units);
    v1.close();

    const db = new RsDb("rs-upgrade", deps);
    expect((await findUnit(db, CUSTOMER_ID, " sr-002"))?.id).toBe("unit-2");
    db.close();
  });
});
