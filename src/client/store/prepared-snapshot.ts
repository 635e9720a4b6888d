// What the device holds for offline work: the answer of sync.prepare, replaced as a whole so a
// walk never mixes an old price list with new unit counts.
import type { PrepareSnapshot, PreparedCustomer, PreparedUnit, PreparedWalk } from "../sync/contract";
import { type RsDb, type SnapshotInfo, unitKey } from "./db";
import { saveMyWork } from "./my-work";

export type { SnapshotInfo } from "./db";

export type StoredSnapshot = SnapshotInfo & {
  walks: PreparedWalk[];
  customers: PreparedCustomer[];
  units: PreparedUnit[];
};

export async function savePreparedSnapshot(db: RsDb, snapshot: PrepareSnapshot, now = new Date()): Promise<void> {
  const info: SnapshotInfo = { preparedAt: snapshot.preparedAt, storedAt: now, technician: snapshot.technician };
  const tables = [
    db.snapshotWalks,
    db.snapshotCustomers,
    db.snapshotUnits,
    db.snapshotTemplates,
    db.meta,
    db.workRepairs,
    db.workPhotos,
    db.openWork,
    db.workThreads,
  ];
  await db.transaction("rw", [...tables, db.outbox, db.blobs, db.blobContent], async () => {
    await Promise.all([
      db.snapshotWalks.clear(),
      db.snapshotCustomers.clear(),
      db.snapshotUnits.clear(),
      db.snapshotTemplates.clear(),
      db.openWork.clear(),
      db.workThreads.clear(),
    ]);
    await saveMyWork(db, snapshot.myWork);
    await db.snapshotWalks.bulkAdd(snapshot.walks);
    await db.snapshotCustomers.bulkAdd(snapshot.customers);
    await db.snapshotUnits.bulkAdd(snapshot.units.map((u) => ({ ...u, unitKey: unitKey(u.unitNumber) })));
    await db.snapshotTemplates.bulkAdd(snapshot.templates);
    await db.meta.put({ key: "today", value: snapshot.today });
    if (snapshot.quality) await db.meta.put({ key: "quality", value: snapshot.quality });
    else await db.meta.delete("quality");
    // Answers of a server older than the list have none.
    await db.openWork.bulkAdd(snapshot.openWork ?? []);
    await db.workThreads.bulkAdd(snapshot.threads ?? []);
    await db.meta.put({ key: "snapshot", value: info });
  });
}

export async function snapshotInfo(db: RsDb): Promise<SnapshotInfo | null> {
  const row = await db.meta.get("snapshot");
  return row?.key === "snapshot" ? row.value : null;
}

export async function loadPreparedSnapshot(db: RsDb): Promise<StoredSnapshot | null> {
  return db.transaction("r", [db.snapshotWalks, db.snapshotCustomers, db.snapshotUnits, db.meta], async () => {
    const info = await snapshotInfo(db);
    if (!info) return null;
    const [walks, customers, units] = await Promise.all([
      db.snapshotWalks.toArray(),
      db.snapshotCustomers.toArray(),
      db.snapshotUnits.toArray(),
    ]);
    return { ...info, walks, customers, units };
  });
}
