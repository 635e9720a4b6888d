"use client";
// The manager's queue: search, filters and sort answered by the server a page of walks at a
// time ("Show more walks"), each walk under its own header. What "Approve whole walk" did
// shows at the bottom of the screen with "Undo" for 10 seconds.
import { keepPreviousData } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import type { ManagerRights } from "../use-manager-rights";
import { useRefreshLists } from "../use-refresh-lists";
import { INITIAL_QUEUE_FILTERS, type QueueFilters, queueQueryInput } from "./queue-defaults";
import { QueueFiltersForm, STATUS_CHOICES } from "./queue-filters";
import { QueueGroupSection } from "./queue-group";
import { type ApprovedWalk, UndoBar } from "./undo-bar";

export function ManagerQueue({ rights, online = true }: { rights: ManagerRights; online?: boolean }) {
  const refresh = useRefreshLists();
  const [filters, setFilters] = useState<QueueFilters>(INITIAL_QUEUE_FILTERS);
  const [approved, setApproved] = useState<ApprovedWalk | null>(null);
  const queue = api.manager.queue.useInfiniteQuery(queueQueryInput(filters), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const pages = queue.data?.pages ?? [];
  const first = pages[0];
  // A group decided on between pages may come twice: keep its first place.
  const seen = new Set<string>();
  const groups = pages.flatMap((p) => p.groups).filter((g) => !seen.has(g.key) && seen.add(g.key));
  const onChange = useCallback((next: QueueFilters) => setFilters(next), []);
  const statusLabel = STATUS_CHOICES.find(([v]) => v === (filters.status ?? "PENDING_APPROVAL"))?.[1];

  return (
    <section className="card" aria-labelledby="approvals-heading" id="approvals">
      <h2 id="approvals-heading">Waiting for approval</h2>
      <QueueFiltersForm value={filters} facets={first?.facets} onChange={onChange} />
      {first && (
        <p className="muted mgr-queue-count" role="status" aria-live="polite">
          {statusLabel}: {first.matching.repairs} {first.matching.repairs === 1 ? "repair" : "repairs"} on{" "}
          {first.matching.groups} {first.matching.groups === 1 ? "walk" : "walks"}
          {queue.isPlaceholderData || (queue.isFetching && !queue.isFetchingNextPage) ? " (updating…)" : ""}
        </p>
      )}
      {first?.truncated && (
        <p className="notice">Only the oldest 5,000 are searched: decide on these to see the rest.</p>
      )}
      <QueryState
        isLoading={queue.isLoading}
        error={queue.error}
        isEmpty={groups.length === 0}
        empty={
          filters.search || filters.customerId || filters.technicianId || filters.flagged || filters.urgent
            ? "Nothing matches this search and these filters."
            : "Nothing waits for your approval."
        }
      >
        {groups.map((group) => (
          <QueueGroupSection
            key={group.key}
            group={group}
            filters={filters}
            rights={rights}
            online={online}
            onWalkApproved={(result, label) => {
              setApproved({ result, label, at: Date.now() });
              void refresh();
            }}
          />
        ))}
        {queue.hasNextPage && (
          <button
            type="button"
            className="secondary mgr-more"
            disabled={queue.isFetchingNextPage}
            onClick={() => void queue.fetchNextPage()}
          >
            {queue.isFetchingNextPage ? "Loading more walks…" : "Show more walks"}
          </button>
        )}
      </QueryState>
      {approved && <UndoBar key={approved.at} approved={approved} onClose={() => setApproved(null)} />}
    </section>
  );
}
