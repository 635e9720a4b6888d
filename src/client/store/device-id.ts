// This device's id (sync.push names it), made once and kept with the data it sends.
import type { RsDb } from "./db";

export async function deviceId(db: RsDb): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const row = await db.meta.get("deviceId");
    if (row?.key === "deviceId") return row.value;
    const id = crypto.randomUUID();
    await db.meta.put({ key: "deviceId", value: id });
    return id;
  });
}
