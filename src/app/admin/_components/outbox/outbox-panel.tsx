"use client";
// The notification outbox: every email, text message and push, pending, sent, kept (no provider
// configured: readable here) or failed with its error; a failed one can be tried again.
import { useState } from "react";
import { shortDateTimeText } from "~/domain";
import { CHANNEL_LABELS, DELIVERY_CHANNELS, type DeliveryChannel } from "~/domain/notification-preferences";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";

const STATUSES = ["PENDING", "SENT", "KEPT", "FAILED"] as const;
type Status = (typeof STATUSES)[number];
const STATUS_LABELS: Record<Status, string> = { PENDING: "Pending", SENT: "Sent", KEPT: "Kept", FAILED: "Failed" };

const when = (date: Date | null) => (date ? shortDateTimeText(new Date(date)) : "");

export function OutboxPanel() {
  const [status, setStatus] = useState<Status | "">("");
  const [channel, setChannel] = useState<DeliveryChannel | "">("");
  const utils = api.useUtils();
  const list = api.notifications.outbox.useQuery({
    status: status || undefined,
    channel: channel || undefined,
    limit: 100,
  });
  const retry = api.notifications.retry.useMutation({ onSettled: () => utils.notifications.outbox.invalidate() });
  const [confirmDigests, setConfirmDigests] = useState(false);
  const digestsNow = api.notifications.sendDigestsNow.useMutation({
    onSettled: () => {
      setConfirmDigests(false);
      void utils.notifications.outbox.invalidate();
    },
  });
  const counts = list.data?.counts;
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">Notification outbox</h2>
      <p className="muted">
        {counts
          ? STATUSES.map((s) => `${STATUS_LABELS[s]}: ${counts[s] ?? 0}`).join(" · ")
          : "Emails, text messages and push notifications, newest first."}
      </p>
      <div className="filters">
        <label>
          Status{" "}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | "")}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Channel{" "}
          <select value={channel} onChange={(e) => setChannel(e.target.value as DeliveryChannel | "")}>
            <option value="">All</option>
            {DELIVERY_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="outbox-digests">
        {confirmDigests ? (
          <p role="group" aria-label="Send held digests now?">
            Hourly, daily and weekly summaries waiting for the end of their period go out now; news after this starts
            the next summary.{" "}
            <button type="button" disabled={digestsNow.isPending} onClick={() => digestsNow.mutate()}>
              Send them now
            </button>{" "}
            <button type="button" className="secondary" onClick={() => setConfirmDigests(false)}>
              Cancel
            </button>
          </p>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirmDigests(true)}>
            Send held digests now…
          </button>
        )}
        {digestsNow.data && (
          <p role="status">
            {digestsNow.data.count === 0
              ? "No summaries were waiting."
              : `${digestsNow.data.count} ${digestsNow.data.count === 1 ? "summary goes" : "summaries go"} out within seconds.`}
          </p>
        )}
        {digestsNow.error && (
          <p role="alert" className="error">
            Not sent: {digestsNow.error.message}
          </p>
        )}
      </div>
      {retry.error && (
        <p role="alert" className="error">
          Not retried: {retry.error.message}
        </p>
      )}
      <QueryState
        isLoading={list.isLoading}
        error={list.error}
        isEmpty={(list.data?.items.length ?? 0) === 0}
        empty="Nothing in the outbox with these filters."
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">To</th>
              <th scope="col">Channel</th>
              <th scope="col">Message</th>
              <th scope="col">Status</th>
              <th scope="col">Tries</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((row) => (
              <tr key={row.id} data-status={row.status}>
                <td>{when(row.createdAt)}</td>
                <td>
                  {row.user.name}
                  <br />
                  <span className="muted">{row.user.email}</span>
                </td>
                <td>{CHANNEL_LABELS[row.channel as DeliveryChannel] ?? row.channel}</td>
                <td>
                  {row.subject ?? <span className="muted">(rendered when sent)</span>}
                  {row.body && (
                    <details>
                      <summary>Text</summary>
                      <pre className="outbox-body">{row.body}</pre>
                    </details>
                  )}
                </td>
                <td>
                  {STATUS_LABELS[row.status]}
                  {row.status === "SENT" && ` ${when(row.sentAt)}`}
                  {row.status === "PENDING" && ` (due ${when(row.nextAttemptAt)})`}
                  {row.lastError && <p className="error">{row.lastError}</p>}
                </td>
                <td>{row.attempts}</td>
                <td>
                  {row.status === "FAILED" && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={retry.isPending}
                      onClick={() => retry.mutate({ id: row.id })}
                      aria-label={`Retry to ${row.user.name}`}
                    >
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}
