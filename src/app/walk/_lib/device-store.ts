// The device database as /walk's first screen uses it: Dexie, the home queries and the actions a
// tap on home starts. Loaded as a chunk of its own (lazy-device-store.ts), never imported
// statically by a component of the first screen.
import { liveQuery } from "dexie";
import { rsDb } from "~/client/store/db";
import { offlineDataView, queueView, todayView, walkListView } from "~/client/store/home-queries";
import { cacheWorkPhotos } from "~/client/store/my-work";
import { savePreparedSnapshot } from "~/client/store/prepared-snapshot";
import { pruneSyncedWalks } from "~/client/store/prune-synced";
import { discardRejected, fixRejected } from "~/client/store/resolve-rejected";
import { type StartWalkDraft, startWalk } from "~/client/store/start-walk";
import type { PrepareSnapshot } from "~/client/sync/contract";

export { liveQuery };

export const queue = () => queueView(rsDb());
export const walkList = () => walkListView(rsDb());
export const offlineData = () => offlineDataView(rsDb());
export const today = () => todayView(rsDb());

export const startLocalWalk = (draft: StartWalkDraft) => startWalk(rsDb(), draft);
/** Keeps the prepared answer, then My work's photos, so its cards show them offline. */
export async function storePrepared(snapshot: PrepareSnapshot): Promise<void> {
  await savePreparedSnapshot(rsDb(), snapshot);
  await cacheWorkPhotos(rsDb());
}
/** This device's prepared copy follows a favorite star at once, so the order holds offline. */
export const setCustomerFavorite = (customerId: string, favorite: boolean) =>
  rsDb().snapshotCustomers.update(customerId, { favorite });
export const discardRefused = (outboxId: string) => discardRejected(rsDb(), outboxId);
/** Sends a refused walk start or end again as it is (a refused repair is fixed in its form). */
export const sendRefusedAgain = (outboxId: string) => fixRejected(rsDb(), outboxId);
/** Removes the walks the server confirmed completely a while ago (photos fill a phone). */
export const pruneSynced = async (): Promise<void> => {
  await pruneSyncedWalks(rsDb());
};

// The code that works on the device database (the walk screens, the sync engine, forms opened by
// a tap) is imported from here: what it shares with this module (the outbox, the domain rules,
// the refusal table) is then fetched once, in this chunk, instead of copied into each of theirs.
export const walkScreenModule = () => import("../_components/walk-screen");
export const finishScreenModule = () => import("../_components/finish-screen");
export const walkRepairsModule = () => import("../_components/walk-repairs");
export const myWorkModule = () => import("../_components/my-work");
export const rejectedFixModule = () => import("../_components/rejected-fix");
export const deviceSyncModule = () => import("~/client/sync/device-sync");
