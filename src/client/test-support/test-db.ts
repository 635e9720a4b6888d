// A fresh device database per test, on fake-indexeddb (node environment: Blobs survive there).
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { RsDb } from "../store/db";

export function testDb(): RsDb {
  return new RsDb(`test-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}
