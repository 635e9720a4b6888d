"use client";
// Who changed the price list, what and when (admin.pricingHistory, read from the audit log).
import { dateTimeText } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { ChangesList } from "../audit/changes-list";

export function PricingHistory({ customerId }: { customerId: string }) {
  const history = api.admin.pricingHistory.useQuery({ customerId });
  const entries = history.data ?? [];
  return (
    <div aria-labelledby="pricing-history-heading">
      <h4 id="pricing-history-heading">Who changed what and when</h4>
      <QueryState
        isLoading={history.isLoading}
        error={history.error}
        isEmpty={entries.length === 0}
        empty="No changes to this price list yet."
      >
        <ol className="admin-log" aria-label="Price list changes">
          {entries.map((entry, i) => (
            <li key={`${entry.at.toISOString()}-${i}`}>
              <p>
                <strong>{entry.actor?.name ?? entry.actor?.email ?? "System"}</strong> ·{" "}
                <time dateTime={entry.at.toISOString()}>{dateTimeText(entry.at)}</time>
              </p>
              <ChangesList changes={entry.changes} />
            </li>
          ))}
        </ol>
      </QueryState>
    </div>
  );
}
