"use client";
// What the business sent this customer with "Send to Customer": each repair's summary, estimate
// and photos as they were when sent, newest first.
import { STATUS_LABELS, dateTimeText, formatCents, isStatus } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";

export function Inbox() {
  const inbox = api.portal.inbox.useQuery();
  const entries = inbox.data ?? [];
  return (
    <div className="card" id="inbox">
      <h2>Inbox</h2>
      <QueryState
        isLoading={inbox.isLoading}
        error={inbox.error}
        isEmpty={entries.length === 0}
        empty="Nothing has been sent to you yet."
      >
        <ul className="plain">
          {entries.map((e) => {
            const cents = e.content.priceCents ?? e.content.estimateCents;
            return (
              <li key={e.id} aria-label={e.content.summary}>
                <strong>{e.content.summary}</strong>
                <p className="muted">
                  Sent by {e.sentBy} on {dateTimeText(e.sentAt)} ·{" "}
                  {isStatus(e.content.status) ? STATUS_LABELS[e.content.status] : e.content.status}
                  {cents !== null && ` · ${e.content.priceCents !== null ? "price" : "estimate"} ${formatCents(cents)}`}
                </p>
                {e.message && <p>{e.message}</p>}
                {e.content.photoIds.length > 0 && (
                  <div>
                    {e.content.photoIds.map((id) => (
                      // eslint-disable-next-line @next/next/no-img-element -- private, session-checked bytes; next/image would proxy them
                      <img
                        key={id}
                        src={`/api/attachments/${id}/content`}
                        alt={`Photo of unit ${e.content.unitNumber}`}
                        loading="lazy"
                        width={96}
                        height={72}
                        style={{ objectFit: "cover", borderRadius: 6, marginRight: 4 }}
                      />
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </QueryState>
    </div>
  );
}
