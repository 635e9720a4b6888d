"use client";
// The repair's message thread on the phone, between the customer, the office and the technician
// working it. Read from the device (prepared with My work, refreshed whenever the phone is online
// and the screen opens), so it is readable on the lot without a signal. Answering is online only:
// a reply queued for hours could answer a question the office settled meanwhile, and the
// customer waits for a live answer; offline the form says so instead of pretending to send.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { quickActions } from "~/client/quick-actions/quick-actions-api";
import { type WorkThreadRow, rsDb } from "~/client/store/db";
import { FIELDS, dateTimeText } from "~/domain";
import { useLiveQuery } from "../_hooks/use-live-query";
import { useOnline } from "../_hooks/use-online";

const SIDE = { customer: "Customer", office: "Office", technician: "Technician" } as const;

async function keep(row: WorkThreadRow) {
  await rsDb().workThreads.put(row);
}

export function RepairThread({ repairId }: { repairId: string }) {
  const online = useOnline();
  const stored = useLiveQuery(async () => (await rsDb().workThreads.get(repairId)) ?? null, `thread-${repairId}`);
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageId = useRef(crypto.randomUUID());

  // Online: the server's thread replaces the prepared copy, and is marked read.
  useEffect(() => {
    if (!online) return;
    let live = true;
    void quickActions.thread(repairId).then(async (answer) => {
      if (!live || !answer.ok || !answer.value.threadId) return;
      const { threadId, title, messages, unread } = answer.value;
      await keep({ threadId, repairId, title, unread: 0, messages });
      if (unread > 0) await quickActions.markThreadRead(threadId);
    });
    return () => {
      live = false;
    };
  }, [repairId, online]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || !body.trim()) return;
    setBusy(true);
    setProblem(null);
    const sent = await quickActions.sendMessage({ id: messageId.current, repairId, body });
    setBusy(false);
    if (!sent.ok) return setProblem(sent.message);
    messageId.current = crypto.randomUUID();
    setBody("");
    const { threadId, ...message } = sent.value;
    const before = (await rsDb().workThreads.get(repairId)) ?? {
      threadId,
      repairId,
      title: "",
      unread: 0,
      messages: [],
    };
    await keep({ ...before, threadId, messages: [...before.messages.filter((m) => m.id !== message.id), message] });
  }

  const messages = stored?.messages ?? [];
  return (
    <section className="repair-thread" aria-label="Messages">
      <h3>Messages{stored && stored.unread > 0 ? ` (${stored.unread} new)` : ""}</h3>
      {messages.length === 0 ? (
        <p className="muted">No message about this repair yet.</p>
      ) : (
        <ol className="messages" style={{ listStyle: "none", padding: 0 }}>
          {messages.map((m) => (
            <li key={m.id} data-testid="phone-message">
              <span className="muted">
                {m.authorName} ({SIDE[m.side]}) · {dateTimeText(m.createdAt)}
              </span>
              <p style={{ whiteSpace: "pre-wrap", margin: "0.25rem 0" }}>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(e) => void onSubmit(e)}>
        <label htmlFor={`reply-${repairId}`}>Answer</label>
        <textarea
          id={`reply-${repairId}`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={2}
          maxLength={FIELDS.messageBody.maxLength}
          disabled={!online}
        />
        {!online && <p className="muted">Needs a connection: answers reach the customer and the office directly.</p>}
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={!online || busy || !body.trim()}>
          {busy ? "Sending…" : "Send answer"}
        </button>
      </form>
    </section>
  );
}
