// The queries of /walk's home screen, each answering only what the screen draws (home-views.ts),
// so that the last answers are small enough to keep beside the database and draw the next first
// screen before Dexie has loaded (src/app/walk/_hooks/use-device-query.ts).
import { favoritesFirst } from "~/domain";
import type { RsDb } from "./db";
import type { OfflineDataView, QueueView, TodayView, WalkListView } from "./home-views";
import { snapshotInfo } from "./prepared-snapshot";
import { queueStats } from "./queue-stats";

export async function queueView(db: RsDb): Promise<QueueView> {
  return db.transaction("r", [db.outbox, db.blobs, db.localRepairs], async () => {
    const stats = await queueStats(db);
    const repairIds = stats.rejected.filter((r) => r.type === "repair.capture").map((r) => r.recordId);
    const repairs = await db.localRepairs.bulkGet(repairIds);
    const unitNumbers: Record<string, string> = {};
    for (const repair of repairs) if (repair) unitNumbers[repair.id] = repair.unitNumber;
    return { ...stats, unitNumbers };
  });
}

export async function walkListView(db: RsDb): Promise<WalkListView> {
  return db.transaction("r", [db.snapshotWalks, db.snapshotCustomers, db.localWalks], async () => {
    const [walks, customers, local] = await Promise.all([
      db.snapshotWalks.toArray(),
      db.snapshotCustomers.toArray(),
      db.localWalks.toArray(),
    ]);
    return {
      customers: favoritesFirst(
        customers.map(({ id, name, favorite }) => ({ id, name, favorite: favorite ?? false })),
        customers.filter((c) => c.favorite).map((c) => c.id),
      ),
      prepared: walks.map(({ id, customerId, scheduledFor, status }) => ({ id, customerId, scheduledFor, status })),
      local: local.map(({ id, customerId, status, startedAt, siteContactName, finishSync, error }) => ({
        id,
        customerId,
        status,
        startedAt,
        ...(siteContactName !== undefined ? { siteContactName } : {}),
        ...(finishSync !== undefined ? { finishSync } : {}),
        ...(error !== undefined ? { error } : {}),
      })),
    };
  });
}

/** Counts by index: the units of a large fleet are not read to be counted. */
export async function offlineDataView(db: RsDb): Promise<OfflineDataView> {
  return db.transaction("r", [db.snapshotWalks, db.snapshotCustomers, db.snapshotUnits, db.meta], async () => {
    const info = await snapshotInfo(db);
    if (!info) return null;
    const [walks, customers, units] = await Promise.all([
      db.snapshotWalks.count(),
      db.snapshotCustomers.toArray(),
      db.snapshotUnits.count(),
    ]);
    const versions = [...new Set(customers.map((c) => c.pricing.version))].sort((a, b) => a - b);
    return { walks, customers: customers.length, units, priceListVersions: versions, preparedAt: info.preparedAt };
  });
}

/** Today's driving order as the last prepare stored it (null before one, or from an older server). */
export async function todayView(db: RsDb): Promise<TodayView> {
  const row = await db.meta.get("today");
  if (row?.key !== "today") return null;
  const { day, startTime, totalKm, stops, unlocated } = row.value;
  return {
    day,
    startTime,
    totalKm,
    stops: stops.map(
      ({
        kind,
        id,
        position,
        customerName,
        siteName,
        address,
        legKm,
        eta,
        plannedTime,
        lateByMinutes,
        unitNumber,
      }) => ({
        kind,
        id,
        position,
        customerName,
        siteName,
        address,
        legKm,
        eta,
        plannedTime,
        lateByMinutes,
        unitNumber,
      }),
    ),
    unlocated: unlocated.map(({ kind, id, customerName, unitNumber }) => ({ kind, id, customerName, unitNumber })),
  };
}
