"use client";
// The office's side of the portal: customers' message threads (a manager sees their team's
// repairs' threads and every general thread), and the windshield replacements customers
// reported, which the office confirms (pricing restarts on the new windshield) or rejects.
import { useEffect, useState } from "react";
import { api } from "~/trpc/react";
import { MessageCentre, type ThreadSubject } from "../../_components/message-centre";
import { QueryState } from "../../_components/query-state";
import { ManagerNav } from "../_components/manager-nav";

const POLL_MS = 5_000;

export function OfficeMessages() {
  const utils = api.useUtils();
  const [subject, setSubject] = useState<ThreadSubject | null>(null);
  // New messages arrive without a reload (the thread list is a small query).
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== "hidden") void utils.messages.invalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [utils]);
  return (
    <section>
      <ManagerNav />
      <h1>Messages</h1>
      <MessageCentre subject={subject} onSubject={setSubject} />
      <WindshieldReports />
    </section>
  );
}

function WindshieldReports() {
  const utils = api.useUtils();
  const reports = api.unit.windshieldReports.useQuery({});
  const decide = api.unit.decideWindshieldReport.useMutation({
    onSuccess: () => void utils.unit.windshieldReports.invalidate(),
  });
  const items = reports.data ?? [];
  return (
    <div className="card">
      <h2>Windshields reported replaced</h2>
      <QueryState
        isLoading={reports.isLoading}
        error={reports.error}
        isEmpty={items.length === 0}
        empty="No report waits for confirmation."
      >
        <table>
          <thead>
            <tr>
              <th>Customer</th>
              <th>Unit</th>
              <th>Replaced on</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>{r.customerName}</td>
                <td>{r.unitNumber}</td>
                <td>{r.replacedOn}</td>
                <td>{r.note}</td>
                <td>
                  <button
                    type="button"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ reportId: r.id, confirm: true })}
                  >
                    Confirm new windshield on {r.unitNumber}
                  </button>{" "}
                  <button
                    type="button"
                    className="secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ reportId: r.id, confirm: false })}
                  >
                    Reject
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
      {decide.error && (
        <p className="error" role="alert">
          {decide.error.message}
        </p>
      )}
    </div>
  );
}
