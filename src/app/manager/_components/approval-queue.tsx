"use client";
// Everything waiting for this manager's approval, grouped by the walk it was found on. The
// server lists only what this manager may approve; the rest of a walk is counted, and what
// "approve whole walk" left pending is reported here with the server's reasons.
import { useState } from "react";
import { formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import type { WalkApproval } from "./types";
import type { ManagerRights } from "./use-manager-rights";
import { WalkGroup } from "./walk-group";

export function ApprovalQueue({ rights }: { rights: ManagerRights }) {
  const queue = api.manager.approvalQueue.useQuery();
  const [report, setReport] = useState<WalkApproval | null>(null);
  const groups = queue.data?.groups ?? [];

  return (
    <section className="card" aria-labelledby="approvals-heading" id="approvals">
      <h2 id="approvals-heading">Waiting for approval</h2>
      {report && <WalkReport report={report} onClose={() => setReport(null)} />}
      <QueryState
        isLoading={queue.isLoading}
        error={queue.error}
        isEmpty={groups.length === 0}
        empty="Nothing waits for your approval."
      >
        {queue.data?.truncated && (
          <p className="notice">Only the oldest waiting repairs are shown: decide on these to see the rest.</p>
        )}
        {groups.map((group) => (
          <WalkGroup
            key={group.walk?.id ?? `customer:${group.customer.id}`}
            group={group}
            rights={rights}
            onWalkApproved={setReport}
          />
        ))}
      </QueryState>
    </section>
  );
}

function WalkReport({ report, onClose }: { report: WalkApproval; onClose: () => void }) {
  const approved = report.approved.length;
  return (
    <div className={report.skipped.length ? "notice" : "mgr-ok"} role="status">
      <p>
        Approved {approved} {approved === 1 ? "repair" : "repairs"} of the walk.
        {report.skipped.length > 0 && ` ${report.skipped.length} left waiting:`}
      </p>
      {report.skipped.length > 0 && (
        <ul>
          {report.skipped.map((s) => (
            <li key={s.repairId}>
              Unit {s.unitNumber}
              {s.estimateCents !== null && ` (${formatCents(s.estimateCents)})`}: {s.reason}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        Dismiss
      </button>
    </div>
  );
}
