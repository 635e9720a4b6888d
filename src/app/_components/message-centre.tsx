"use client";
// Threads between a customer's users and the office, for the portal and the office's screens:
// the list (unread counts first seen here), the open thread and a reply box. Messages are shown
// as text (React escapes them), never as HTML. The open thread is marked read as it is shown.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { FIELDS, dateTimeText } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "./query-state";

/** What a thread is about: a repair, or (no repairId) a customer's general thread. */
export type ThreadSubject = { repairId?: string; customerId?: string; title?: string };

const SIDE_LABEL = { customer: "Customer", office: "Office", technician: "Technician" } as const;

export function MessageCentre({
  subject,
  onSubject,
  generalLabel,
}: {
  subject: ThreadSubject | null;
  onSubject: (subject: ThreadSubject | null) => void;
  /** Offers the customer's own general thread (the portal); the office opens a customer's from the list. */
  generalLabel?: string;
}) {
  const threads = api.messages.threads.useQuery({});
  const items = threads.data?.threads ?? [];
  return (
    <div className="card" id="messages">
      <h2>
        Messages{" "}
        {threads.data && threads.data.unread > 0 && (
          <span className="badge" data-testid="unread-total">
            {threads.data.unread} unread
          </span>
        )}
      </h2>
      {generalLabel && (
        <p>
          <button type="button" className="secondary" onClick={() => onSubject({ title: generalLabel })}>
            {generalLabel}
          </button>
        </p>
      )}
      <QueryState
        isLoading={threads.isLoading}
        error={threads.error}
        isEmpty={items.length === 0}
        empty="No messages yet."
      >
        <ul className="thread-list" aria-label="Threads">
          {items.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  onSubject(
                    t.repairId
                      ? { repairId: t.repairId, title: t.title }
                      : { customerId: t.customerId, title: t.title },
                  )
                }
              >
                <strong>{t.title}</strong>
              </button>{" "}
              {t.unread > 0 && (
                <span className="badge" data-testid="thread-unread">
                  {t.unread} new
                </span>
              )}
              <br />
              <span className="muted">{t.lastMessage}</span>
            </li>
          ))}
        </ul>
      </QueryState>
      {subject && <ThreadView subject={subject} onClose={() => onSubject(null)} />}
    </div>
  );
}

function ThreadView({ subject, onClose }: { subject: ThreadSubject; onClose: () => void }) {
  const utils = api.useUtils();
  const key = { repairId: subject.repairId, customerId: subject.customerId };
  const thread = api.messages.thread.useQuery(key);
  const markRead = api.messages.markRead.useMutation({ onSuccess: () => void utils.messages.threads.invalidate() });
  const [body, setBody] = useState("");
  // One id per message typed: a double click or a retry sends it once.
  const messageId = useRef(crypto.randomUUID());
  const send = api.messages.send.useMutation({
    onSuccess: () => {
      setBody("");
      messageId.current = crypto.randomUUID();
      void utils.messages.thread.invalidate(key);
      void utils.messages.threads.invalidate();
    },
  });
  const unread = thread.data?.unread ?? 0;
  const threadId = thread.data?.threadId ?? null;
  const { mutate: markThreadRead } = markRead;
  useEffect(() => {
    if (threadId && unread > 0) markThreadRead({ threadId });
  }, [threadId, unread, markThreadRead]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (send.isPending || !body.trim()) return;
    send.mutate({ id: messageId.current, ...key, body });
  }

  return (
    <section className="thread" aria-label="Thread" data-testid="thread">
      <h3>{thread.data?.title ?? subject.title ?? "Thread"}</h3>
      <QueryState
        isLoading={thread.isLoading}
        error={thread.error}
        isEmpty={(thread.data?.messages.length ?? 0) === 0}
        empty="No message in this thread yet."
      >
        <ol className="messages">
          {thread.data?.messages.map((m) => (
            <li key={m.id} className={m.mine ? "mine" : undefined} data-testid="message">
              <span className="muted">
                {m.authorName} ({SIDE_LABEL[m.side]}) · {dateTimeText(m.createdAt)}
              </span>
              <p style={{ whiteSpace: "pre-wrap", margin: "0.25rem 0" }}>{m.body}</p>
            </li>
          ))}
        </ol>
      </QueryState>
      <form onSubmit={onSubmit}>
        <label htmlFor="message-body">Your message</label>
        <textarea
          id="message-body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          maxLength={FIELDS.messageBody.maxLength}
          required
        />
        {send.error && (
          <p className="error" role="alert">
            {send.error.message}
          </p>
        )}
        <p>
          <button type="submit" disabled={send.isPending || !body.trim()}>
            {send.isPending ? "Sending…" : "Send"}
          </button>{" "}
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </p>
      </form>
    </section>
  );
}
