// Limits the browser's API client and the server share, so a screen never sends what the server
// refuses.

/** tRPC calls one batched request may carry (the office screens' batch link groups their queries). */
export const TRPC_MAX_BATCH_CALLS = 20;
