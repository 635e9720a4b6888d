"use client";
// The period report under the audit log: how many price overrides, approvals and settings changes
// were made in the filter's days (this month without them), and the newest of each.
import { dateTimeText } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";

const PARTS = [
  ["priceOverrides", "Price overrides"],
  ["approvals", "Approvals"],
  ["settingsChanges", "Settings changes"],
] as const;

export function AuditReport({ fromDay, toDay }: { fromDay?: string; toDay?: string }) {
  const period =
    fromDay && toDay
      ? ({ kind: "custom", from: fromDay, to: toDay } as const)
      : ({ kind: "month", anchor: fromDay ?? toDay } as const);
  const report = api.admin.auditReport.useQuery({ period, limit: 10 });
  return (
    <section aria-labelledby="audit-report">
      <h2 id="audit-report">Period report{report.data ? `: ${report.data.from} to ${report.data.to}` : ""}</h2>
      <QueryState isLoading={report.isLoading} error={report.error} isEmpty={false} empty="">
        {report.data && (
          <div data-testid="audit-report">
            {PARTS.map(([key, label]) => {
              const part = report.data.parts[key];
              return (
                <section key={key} aria-label={label}>
                  <h3>
                    {label}: {part.count}
                  </h3>
                  {part.count === 0 ? (
                    <p className="empty">None in this period.</p>
                  ) : (
                    <ul>
                      {part.entries.map((e) => (
                        <li key={e.id}>
                          {dateTimeText(new Date(e.createdAt))} · {e.actorName ?? e.actorEmail ?? "system"} · {e.action}{" "}
                          · {e.entityType} {e.entityId.slice(0, 8)}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </QueryState>
    </section>
  );
}
