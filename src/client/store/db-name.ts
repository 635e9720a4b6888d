// The device database's IndexedDB name, apart from db.ts so that /walk's first screen can ask
// whether the database exists without loading Dexie (src/app/walk/_lib/lazy-device-store.ts).
export const DEVICE_DB_NAME = "rs-field";
