"use client";
// One walk (or, off a walk, one customer) in the queue: a header that stays at the top while its
// cards scroll by, with the count, the total and "Approve whole walk"; then the map, the cards
// and decisions on the selected ones. A walk longer than a page shows its first cards and loads
// the rest a page at a time ("Show more of this walk"); "Approve whole walk" covers all of it.
import { keepPreviousData } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatCents, weekdayMonthDayText } from "~/domain";
import { api } from "~/trpc/react";
import { MessageCustomers } from "../../../_components/message-customers";
import { useSelection } from "../../../_components/use-selection";
import { ApprovalCard } from "../approval-card";
import { GroupDecisions } from "../group-decisions";
import { type MapPoint, RepairMap } from "../repair-map";
import { type QueueGroup, type WalkApproval, currentCents } from "../types";
import { type ManagerRights, overLimit } from "../use-manager-rights";
import { ApproveWalkButton } from "./approve-walk-button";
import type { QueueFilters } from "./queue-defaults";

type Props = {
  group: QueueGroup;
  /** The queue's search, filters and sort: the rest of the walk is asked with the same. */
  filters: QueueFilters;
  rights: ManagerRights;
  /** Decisions need a connection: offline, the queue is read-only. */
  online: boolean;
  onWalkApproved: (result: WalkApproval, label: string) => void;
};

export function QueueGroupSection({ group, filters, rights, online, onWalkApproved }: Props) {
  const headingId = useId();
  const { selected, toggle, select } = useSelection();
  const { walk, customer } = group;
  // How many of the group's repairs to show, once more than its page's were asked for.
  const [wanted, setWanted] = useState<number | null>(null);
  const more = api.manager.queueGroup.useQuery(
    { ...filters, key: group.key, repairs: wanted ?? 1 },
    { enabled: wanted !== null, placeholderData: keepPreviousData },
  );
  const repairs = wanted !== null && more.data ? more.data.repairs : group.repairs;
  const hidden = group.matchingRepairs - repairs.length;
  const step = Math.max(group.repairs.length, 1);
  const pending = repairs.every((r) => r.status === "PENDING_APPROVAL");
  const decidable = pending ? repairs.filter((r) => !overLimit(rights, currentCents(r))).map((r) => r.id) : [];
  const selectedIds = decidable.filter((id) => selected.has(id));
  const title = walk
    ? `${customer.name}, walk by ${walk.technician?.name ?? "no one yet"} ${walkDate(walk)}`.trim()
    : `${customer.name}, not found on a walk`;
  const points: MapPoint[] = repairs.flatMap((r, i) =>
    r.gps
      ? [
          {
            id: r.id,
            pin: i + 1,
            latitude: r.gps.latitude,
            longitude: r.gps.longitude,
            label: `Unit ${r.unit.unitNumber}`,
          },
        ]
      : [],
  );
  const count = group.matchingRepairs;
  const shown =
    hidden > 0 ? `${repairs.length} of ${count} repairs shown` : `${count} ${count === 1 ? "repair" : "repairs"}`;

  return (
    <section className="mgr-group" aria-labelledby={headingId} data-testid="queue-group">
      <header className="mgr-group-head">
        <div>
          <h3 id={headingId}>{title}</h3>
          <p className="muted">
            {shown} · {formatCents(group.totalCents)}
            {group.urgentCount > 0 && ` · ${group.urgentCount} urgent`}
            {group.wholeWalk && group.wholeWalk.count !== count && ` · ${group.wholeWalk.count} waiting on the walk`}
            {group.othersPending > 0 && ` · ${group.othersPending} more over your approval limit`}
          </p>
        </div>
        {walk && group.wholeWalk && group.wholeWalk.count > 0 && (
          <ApproveWalkButton
            walkId={walk.id}
            walkLabel={title}
            count={group.wholeWalk.count}
            totalCents={group.wholeWalk.totalCents}
            disabled={!online}
            onApproved={(result) => onWalkApproved(result, title)}
          />
        )}
      </header>
      <RepairMap points={points} label={`Map of ${title}`} />
      {online && decidable.length > 1 && (
        <label className="mgr-check">
          <input
            type="checkbox"
            checked={selectedIds.length === decidable.length}
            onChange={(e) => select(e.target.checked ? decidable : [])}
          />
          Select all {decidable.length}
        </label>
      )}
      <div className="mgr-cards">
        {repairs.map((repair, i) => (
          <ApprovalCard
            key={repair.id}
            repair={repair}
            rights={online && pending ? rights : READ_ONLY}
            pin={repair.gps ? i + 1 : undefined}
            selected={selected.has(repair.id)}
            onToggle={() => toggle(repair.id)}
          />
        ))}
      </div>
      {hidden > 0 && repairs.length < MAX_SHOWN && (
        <button
          type="button"
          className="secondary mgr-more"
          disabled={more.isFetching}
          onClick={() => setWanted(Math.min(repairs.length + step, MAX_SHOWN))}
        >
          {more.isFetching
            ? "Loading more…"
            : `Show ${Math.min(step, hidden)} more ${walk ? "of this walk" : "for this customer"} (${hidden} not shown)`}
        </button>
      )}
      {more.error && (
        <p className="notice" role="alert">
          The rest could not be loaded: {more.error.message}
        </p>
      )}
      {online && pending && (
        <GroupDecisions
          selectedIds={selectedIds}
          walkId={null}
          walkLabel={title}
          onDecided={() => select([])}
          onWalkApproved={(result) => onWalkApproved(result, title)}
        />
      )}
      {online && <MessageCustomers repairIds={selectedIds} />}
    </section>
  );
}

/** The most repairs one group shows (the server's limit per request). */
const MAX_SHOWN = 500;

/** No decision buttons: an approval limit of 0 over every price, and no overrides. */
const READ_ONLY: ManagerRights = { approvalLimitCents: -1, canAssign: false, canOverride: false };

function walkDate(walk: NonNullable<QueueGroup["walk"]>): string {
  const when = walk.startedAt ?? walk.scheduledFor;
  return when ? `on ${weekdayMonthDayText(when)}` : "";
}
