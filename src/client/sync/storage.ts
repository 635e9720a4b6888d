// Keeping the device's queue safe from eviction, and showing how much room it takes.

/** Asks the browser not to evict this site's data under storage pressure; true when granted. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === "undefined" || !navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

export type StorageUse = { usedBytes: number; quotaBytes: number; persisted: boolean };

export async function storageUse(): Promise<StorageUse | null> {
  if (typeof navigator === "undefined" || !navigator.storage?.estimate) return null;
  const [estimate, persisted] = await Promise.all([
    navigator.storage.estimate(),
    navigator.storage.persisted?.() ?? Promise.resolve(false),
  ]);
  return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted };
}
