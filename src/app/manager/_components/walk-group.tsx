"use client";
// The repairs of one walk (or, off a walk, of one customer) waiting for approval: where they
// were found, each repair's card, and decisions on several at once.
import { useId } from "react";
import { formatCents } from "~/domain";
import { MessageCustomers } from "../../_components/message-customers";
import { useSelection } from "../../_components/use-selection";
import { ApprovalCard } from "./approval-card";
import { GroupDecisions } from "./group-decisions";
import { type MapPoint, RepairMap } from "./repair-map";
import { type ApprovalGroup, type WalkApproval, currentCents } from "./types";
import { type ManagerRights, overLimit } from "./use-manager-rights";

type Props = { group: ApprovalGroup; rights: ManagerRights; onWalkApproved: (result: WalkApproval) => void };

export function WalkGroup({ group, rights, onWalkApproved }: Props) {
  const headingId = useId();
  const { selected, toggle, select } = useSelection();
  const { walk, customer, repairs } = group;
  const decidable = repairs.filter((r) => !overLimit(rights, currentCents(r))).map((r) => r.id);
  // Repairs decided elsewhere leave the list; a stale selection must not follow them.
  const selectedIds = decidable.filter((id) => selected.has(id));
  const title = walk
    ? `${customer.name}, walk by ${walk.technician?.name ?? "no one yet"} ${walkDate(walk)}`
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

  return (
    <section className="mgr-group" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="muted">
        {repairs.length} waiting · {formatCents(group.totalEstimateCents)}
        {group.othersPending > 0 && ` · ${group.othersPending} more over your approval limit`}
      </p>
      <RepairMap points={points} label={`Map of ${title}`} />
      {decidable.length > 1 && (
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
            rights={rights}
            pin={repair.gps ? i + 1 : undefined}
            selected={selected.has(repair.id)}
            onToggle={() => toggle(repair.id)}
          />
        ))}
      </div>
      <GroupDecisions
        selectedIds={selectedIds}
        walkId={walk?.id ?? null}
        walkLabel={title}
        onDecided={() => select([])}
        onWalkApproved={onWalkApproved}
      />
      <MessageCustomers repairIds={selectedIds} />
    </section>
  );
}

function walkDate(walk: NonNullable<ApprovalGroup["walk"]>): string {
  const when = walk.startedAt ?? walk.scheduledFor;
  return when ? `on ${when.toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric" })}` : "";
}
