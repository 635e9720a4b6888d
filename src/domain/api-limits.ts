// Limits the browser's API client and the server share, so a screen never sends what the server
// refuses.

/** tRPC calls one batched request may carry (the office screens' batch link groups their queries). */
export const TRPC_MAX_BATCH_CALLS = 20;

/** Bytes a tRPC call's JSON body may hold (the server answers 413 beyond). */
export const TRPC_BODY_BYTES = 1024 * 1024;
