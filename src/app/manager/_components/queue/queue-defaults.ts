// The queue's first request, shared by the page (prefetched on the server) and the screen (the
// same query in the browser): one key, so the server's answer is the screen's first data.
import type { RouterInputs } from "~/trpc/react";

export type QueueFilters = Omit<RouterInputs["manager"]["queue"], "cursor" | "limit">;

export const QUEUE_PAGE_GROUPS = 10;
export const INITIAL_QUEUE_FILTERS: QueueFilters = { status: "PENDING_APPROVAL", sort: "urgency" };
export const queueQueryInput = (filters: QueueFilters) => ({ ...filters, limit: QUEUE_PAGE_GROUPS });
