"use client";
// The manager's team at a glance: today's work, open repairs by status, the walk each one is
// on, and when their device last synced (work may still be waiting on a device).
import { STATUS_LABELS, type Status } from "~/domain";
import { ageText } from "~/app/walk/_components/format";
import { useNow } from "~/app/walk/_hooks/use-now";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import type { TeamMember } from "./types";

export function TeamBoard() {
  const team = api.manager.team.useQuery();
  const now = useNow();
  const members = team.data ?? [];
  return (
    <section className="card" aria-labelledby="team-heading" id="team">
      <h2 id="team-heading">Team</h2>
      <QueryState
        isLoading={team.isLoading}
        error={team.error}
        isEmpty={members.length === 0}
        empty="No technicians in your team."
      >
        <ul className="mgr-plain mgr-team">
          {members.map((m) => (
            <li key={m.technicianId} aria-label={m.name}>
              <Member member={m} now={now} />
            </li>
          ))}
        </ul>
      </QueryState>
    </section>
  );
}

function Member({ member: m, now }: { member: TeamMember; now: Date }) {
  const open = Object.entries(m.openByStatus) as [Status, number][];
  return (
    <>
      <h3>
        {m.name}
        {m.isSelf && <span className="muted"> (you)</span>}
        {m.isManager && <span className="badge">Manager</span>}
        {!m.isActive && <span className="badge mgr-badge-off">Inactive</span>}
      </h3>
      <p className="mgr-line">
        {m.completedToday} completed today · {m.openRepairs} open
        {open.length > 0 && (
          <span className="muted">
            {" "}
            ({open.map(([status, n]) => `${n} ${STATUS_LABELS[status].toLowerCase()}`).join(", ")})
          </span>
        )}
      </p>
      <p className="mgr-line">
        {m.currentWalk
          ? `On a walk at ${m.currentWalk.customerName}${m.currentWalk.startedAt ? `, started ${ageText(m.currentWalk.startedAt, now)}` : ""}`
          : "Not on a walk"}
      </p>
      <p className="mgr-line muted">Last sync: {m.lastSyncAt ? ageText(m.lastSyncAt, now) : "never"}</p>
    </>
  );
}
