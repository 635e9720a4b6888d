// The device database as /walk's first screen uses it: Dexie, the home queries and the actions a
// tap on home starts. Loaded as a chunk of its own (lazy-device-store.ts), never imported
// statically by a component of the first screen.
import { liveQuery } from "dexie";
import { rsDb } from "~/client/store/db";
import { offlineDataView, queueView, walkListView } from "~/client/store/home-queries";
import { savePreparedSnapshot } from "~/client/store/prepared-snapshot";
import { discardRejected, fixRejected } from "~/client/store/resolve-rejected";
import { type StartWalkDraft, startWalk } from "~/client/store/start-walk";
import type { PrepareSnapshot } from "~/client/sync/contract";

export { liveQuery };

export const queue = () => queueView(rsDb());
export const walkList = () => walkListView(rsDb());
export const offlineData = () => offlineDataView(rsDb());

export const startLocalWalk = (draft: StartWalkDraft) => startWalk(rsDb(), draft);
export const storePrepared = (snapshot: PrepareSnapshot) => savePreparedSnapshot(rsDb(), snapshot);
export const discardRefused = (outboxId: string) => discardRejected(rsDb(), outboxId);
/** Sends a refused walk start or end again as it is (a refused repair is fixed in its form). */
export const sendRefusedAgain = (outboxId: string) => fixRejected(rsDb(), outboxId);
