// The last user this device saw signed in, so /walk can greet them and work offline, when the
// session endpoint cannot be reached. Not a credential: the server checks every request. Kept in
// localStorage, read synchronously, so /walk's first frame already names them.
export type LastUser = { userId: string; name: string; email: string; kind: string; seenAt: Date };

const KEY = "rs-last-user";

export function rememberUser(user: Omit<LastUser, "seenAt">, now = new Date()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...user, seenAt: now.toISOString() }));
  } catch {
    // Storage refused (private mode): the device greets nobody offline.
  }
}

export function lastUser(): LastUser | null {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return null;
    const stored = JSON.parse(text) as Omit<LastUser, "seenAt"> & { seenAt: string };
    return { ...stored, seenAt: new Date(stored.seenAt) };
  } catch {
    return null;
  }
}

/** On sign-out: the next person on this device is not greeted as the last one. */
export function forgetUser(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

/**
 * Devices of earlier versions kept the last user in IndexedDB (idb-keyval's "keyval-store"):
 * moved here once, then that database is deleted. Runs at idle time, never before the first frame.
 */
export async function adoptEarlierLastUser(): Promise<void> {
  if (typeof indexedDB?.databases !== "function") return;
  const databases = await indexedDB.databases();
  if (!databases.some((db) => db.name === "keyval-store")) return;
  const earlier = await new Promise<LastUser | undefined>((resolve) => {
    const open = indexedDB.open("keyval-store");
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      try {
        const get = db.transaction("keyval").objectStore("keyval").get(KEY);
        get.onsuccess = () => resolve(get.result as LastUser | undefined);
        get.onerror = () => resolve(undefined);
      } catch {
        resolve(undefined);
      } finally {
        db.close();
      }
    };
  });
  if (earlier && !lastUser()) rememberUser(earlier, earlier.seenAt instanceof Date ? earlier.seenAt : new Date());
  await new Promise<void>((resolve) => {
    const deletion = indexedDB.deleteDatabase("keyval-store");
    deletion.onsuccess = deletion.onerror = deletion.onblocked = () => resolve();
  });
}
