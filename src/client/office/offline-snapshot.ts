// The last view an office screen (/manager, /portal) loaded, kept on the device for offline use:
// its successful query answers, dehydrated, in IndexedDB through idb-keyval, one entry per user
// and screen. Restored only for the same user; deleted on sign-out (src/client/pwa/signed-out.ts).
import { type DehydratedState, type QueryClient, dehydrate, hydrate } from "@tanstack/react-query";
import { type UseStore, get, set } from "idb-keyval";
import { SIGNED_OUT } from "../pwa/messages";

export const OFFICE_SNAPSHOT_DB = "rs-office-views";
const STORE = "snapshots";
/** After a burst of answers (a screen's first load asks several lists), one write. */
const SAVE_DELAY_MS = 500;

/**
 * Answers are kept as they are (IndexedDB's structured clone keeps dates), not through the
 * client's superjson: that walk of every list cost a long main-thread task after each load.
 * Snapshots written before carry no format and are ignored (the next visit online writes anew).
 */
const FORMAT = 2;
const asIs = <T>(data: T): T => data;
type Snapshot = { format: typeof FORMAT; userId: string; savedAt: number; state: DehydratedState };

/** After the burst of answers, and then when the page is idle: saving never delays what the user does. */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 2_000 });
  else run();
}

let store: UseStore | undefined;
let open: Promise<IDBDatabase> | undefined;

/**
 * idb-keyval's createStore, but closing its connection when the database is deleted (sign-out
 * deletes it, and an open connection would hold the deletion until the page is left).
 */
function openSnapshots(): Promise<IDBDatabase> {
  return (open ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(OFFICE_SNAPSHOT_DB);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        open = undefined;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error("IndexedDB refused"));
  }));
}
const snapshots = (): UseStore =>
  (store ??= async (mode, callback) => callback((await openSnapshots()).transaction(STORE, mode).objectStore(STORE)));
const keyOf = (userId: string, scope: string) => `${userId}:${scope}`;

/** Keeps the client's successful answers after each new one; returns the unsubscribe. */
export function keepSnapshots(client: QueryClient, userId: string, scope: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let signedOut = false;
  // Signing out deletes the kept views: an answer arriving meanwhile must not write them again.
  const onSignedOut = () => {
    signedOut = true;
    clearTimeout(timer);
  };
  window.addEventListener(SIGNED_OUT.type, onSignedOut);
  const save = () => {
    if (signedOut) return;
    const state = dehydrate(client, {
      shouldDehydrateQuery: (query) => query.state.status === "success",
      serializeData: asIs,
    });
    const snapshot: Snapshot = { format: FORMAT, userId, savedAt: Date.now(), state };
    void set(keyOf(userId, scope), snapshot, snapshots()).catch(() => {
      // Private mode or a full disk: the screen works online, only its offline copy is missing.
    });
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (signedOut || event.type !== "updated" || event.action.type !== "success") return;
    clearTimeout(timer);
    timer = setTimeout(() => whenIdle(save), SAVE_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener(SIGNED_OUT.type, onSignedOut);
  };
}

/** Puts the kept answers back where they are newer than the client's (the cached page's own). */
export async function restoreSnapshot(client: QueryClient, userId: string, scope: string): Promise<boolean> {
  const snapshot = await get<Snapshot>(keyOf(userId, scope), snapshots()).catch(() => undefined);
  if (snapshot?.format !== FORMAT || snapshot.userId !== userId) return false;
  hydrate(client, snapshot.state, { defaultOptions: { deserializeData: asIs } });
  return true;
}

/**
 * When the data shown was loaded: the oldest successful answer the client holds (a screen is
 * only as fresh as its oldest list), or null when it holds none.
 */
export function oldestAnswerAt(client: QueryClient): number | null {
  let oldest: number | null = null;
  for (const query of client.getQueryCache().getAll()) {
    const at = query.state.dataUpdatedAt;
    if (query.state.status === "success" && at > 0) oldest = oldest === null ? at : Math.min(oldest, at);
  }
  return oldest;
}
