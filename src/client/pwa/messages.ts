// The messages between the pages and the service worker (docs/sync-protocol.md §4), in one place
// so the worker bundle and the app cannot drift apart.

/** Background Sync tag the sync engine registers when the outbox has work. */
export const OUTBOX_SYNC_TAG = "rs-outbox";

/** Worker → pages: "run a sync now" (the worker itself never talks to the server). */
export const SYNC_REQUEST = { type: "rs-sync" } as const;

/** Page → waiting worker: activate now (sent only after the user tapped Reload). */
export const SKIP_WAITING = { type: "SKIP_WAITING" } as const;

/** Page → worker on sign-out: drop the runtime caches. */
export const SIGNED_OUT = { type: "rs-signed-out" } as const;

/**
 * Page → office worker, once, from the visit that installed it: keep this page (fetched again,
 * with the session) and the build files it loaded, so it opens offline after this one visit.
 */
export const KEEP_PAGE = { type: "rs-keep-page" } as const;
export type KeepPageMessage = typeof KEEP_PAGE & { url: string; assets: string[] };

export type WorkerMessage = typeof SKIP_WAITING | typeof SIGNED_OUT | KeepPageMessage;
