// The list of assigned work nobody has started (requests-waiting.tsx), as the page prefetches it.
export const ASSIGNED_NOT_STARTED = { status: ["ASSIGNED" as const], limit: 50 };
