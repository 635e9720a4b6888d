"use client";
// One tap from a repair card on the phone: Assign to Me, Mark as Urgent, Send to Customer,
// Create Follow-up and Request Parts (with the office's answer on earlier requests), each
// permission-checked and audited by the server. Online they reach it at once. Offline, Mark as
// Urgent, Create Follow-up and Request Parts are queued on the device (`queue`, a repair of My
// work) and sent with the next sync; Assign to Me (someone else may take the work meanwhile) and
// Send to Customer (the customer would read a stale summary) need the network, and say so.
// Complete Repair and Add Photo are the card's own offline actions; Generate Invoice appears
// once billing exists.
import { useEffect, useState } from "react";
import {
  FIELDS,
  PARTS_QUANTITY,
  PARTS_STATUS_LABELS,
  PARTS_URGENCIES,
  PARTS_URGENCY_LABELS,
  type PartsRequestDraft,
  type PartsUrgency,
  QuickActionRefused,
  type Status,
  checkPartsRequest,
  dateText,
} from "~/domain";
import { type PartsRequestOnPhone, quickActions } from "~/client/quick-actions/quick-actions-api";
import { useOnline } from "../_hooks/use-online";

export type QuickActionsRepair = {
  id: string;
  status: Status;
  customerId: string;
  /** null: unassigned, open to Assign to Me. */
  technicianId: string | null;
  urgent?: boolean;
};

/** The device's queue for a repair of My work: what the offline quick actions write (my-work.ts). */
export type QuickActionsQueue = {
  markUrgent: (urgent: boolean) => Promise<unknown>;
  followUp: (dueAt: Date, note: string) => Promise<unknown>;
  requestParts: (draft: PartsRequestDraft) => Promise<unknown>;
  /** Parts requested on this device and not yet confirmed by a prepare. */
  partsQueued: ReadonlyArray<{ id: string; item: string; quantity: number }>;
};

type Answer = { ok: true } | { ok: false; message: string };
/** A device write as an answer: its refusal (WorkRefused) in words. */
async function queued(write: () => Promise<unknown>): Promise<Answer> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

type Panel = "followUp" | "parts" | null;
// Styles kept here (walk.css belongs to the capture screens): every target at least 48 px.
const ROW = { display: "flex", flexWrap: "wrap", gap: "0.5rem", margin: "0.5rem 0" } as const;
const CHOICE = { display: "flex", alignItems: "center", gap: "0.5rem", minHeight: 48, fontWeight: 400 } as const;
const RADIO = { width: 24, minHeight: 24, margin: 0 } as const;
const OFFLINE = "Needs a connection";
/** Work that is over: nothing left to send, follow up from here or order parts for. */
const ENDED: readonly Status[] = ["DENIED", "CANCELLED", "CLOSED"];

export function QuickActions({ repair, queue }: { repair: QuickActionsRepair; queue?: QuickActionsQueue }) {
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [urgent, setUrgent] = useState(repair.urgent ?? false);
  const [assigned, setAssigned] = useState(repair.technicianId !== null);

  async function run(call: () => Promise<Answer>, done: string) {
    setBusy(true);
    setNote(null);
    const result = await call();
    setBusy(false);
    setNote(result.ok ? { ok: true, text: done } : { ok: false, text: result.message });
    return result.ok;
  }

  const claimable = !assigned && (repair.status === "REQUESTED" || repair.status === "APPROVED");
  const ended = ENDED.includes(repair.status);
  const disabled = !online || busy;
  const label = (text: string) => (online ? text : `${text} — ${OFFLINE}`);
  // Offline, on a repair of My work: queued on the device, sent with the next sync.
  const offlineQueue = online ? null : (queue ?? null);
  const queueable = online || busy ? disabled : !offlineQueue;
  const queuedLabel = (text: string) => (online || offlineQueue ? text : `${text} — ${OFFLINE}`);
  const later = offlineQueue ? " Saved on this phone: sent when it is back online." : "";

  return (
    <section className="quick-actions" aria-label="Quick actions">
      {!online &&
        (offlineQueue ? (
          <p className="muted">
            Offline: urgency, follow-ups and parts requests are saved here and sent when back online. Assign to me and
            Send to customer need a connection.
          </p>
        ) : (
          <p className="muted">{OFFLINE}: these actions reach the office directly.</p>
        ))}
      <div className="quick-actions-buttons" style={ROW}>
        {claimable && (
          <button
            type="button"
            disabled={disabled}
            aria-label={label("Assign to me")}
            onClick={() =>
              void run(() => quickActions.assignToMe(repair.id), "Assigned to you.").then(
                (ok) => ok && setAssigned(true),
              )
            }
          >
            Assign to me
          </button>
        )}
        {!ended && (
          <>
            <button
              type="button"
              disabled={queueable}
              aria-pressed={urgent}
              aria-label={queuedLabel(urgent ? "Urgent (tap to clear)" : "Mark as urgent")}
              onClick={() =>
                void run(
                  () =>
                    offlineQueue
                      ? queued(() => offlineQueue.markUrgent(!urgent))
                      : quickActions.markUrgent({ repairId: repair.id, urgent: !urgent }),
                  (urgent ? "No longer urgent." : "Marked urgent: the office sees it first.") + later,
                ).then((ok) => ok && setUrgent(!urgent))
              }
            >
              {urgent ? "Urgent ✓" : "Mark as urgent"}
            </button>
            <button
              type="button"
              disabled={disabled}
              aria-label={label("Send to customer")}
              onClick={() =>
                void run(() => quickActions.sendToCustomer(repair.id), "Sent to the customer's portal inbox.")
              }
            >
              Send to customer
            </button>
            <button
              type="button"
              disabled={queueable}
              aria-expanded={panel === "followUp"}
              aria-label={queuedLabel("Create follow-up")}
              onClick={() => setPanel(panel === "followUp" ? null : "followUp")}
            >
              Create follow-up
            </button>
            <button
              type="button"
              disabled={queueable}
              aria-expanded={panel === "parts"}
              aria-label={queuedLabel("Request parts")}
              onClick={() => setPanel(panel === "parts" ? null : "parts")}
            >
              Request parts
            </button>
          </>
        )}
      </div>
      {(online || offlineQueue) && panel === "followUp" && (
        <FollowUpForm
          repairId={repair.id}
          busy={busy}
          onSubmit={(dueAt, text) =>
            void run(
              () =>
                offlineQueue
                  ? queued(() => offlineQueue.followUp(dueAt, text))
                  : quickActions.createFollowUp({ id: crypto.randomUUID(), repairId: repair.id, dueAt, note: text }),
              `Follow-up created, due ${dateText(dueAt)}.${later}`,
            ).then((ok) => ok && setPanel(null))
          }
        />
      )}
      {(online || offlineQueue) && panel === "parts" && (
        <PartsPanel repairId={repair.id} queue={offlineQueue} partsQueued={queue?.partsQueued ?? []} />
      )}
      {note && (
        <p className={note.ok ? "quick-actions-ok" : "error"} role={note.ok ? "status" : "alert"}>
          {note.text}
        </p>
      )}
    </section>
  );
}

const todayText = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

function FollowUpForm({
  repairId,
  busy,
  onSubmit,
}: {
  repairId: string;
  busy: boolean;
  onSubmit: (dueAt: Date, note: string) => void;
}) {
  const [dueOn, setDueOn] = useState(todayText());
  const [text, setText] = useState("");
  return (
    <form
      aria-label="Follow-up"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(new Date(`${dueOn}T12:00:00`), text);
      }}
    >
      <label htmlFor={`follow-up-due-${repairId}`}>Due on</label>
      <input
        id={`follow-up-due-${repairId}`}
        type="date"
        required
        min={todayText()}
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
      />
      <label htmlFor={`follow-up-note-${repairId}`}>{FIELDS.followUpNote.label}</label>
      <textarea
        id={`follow-up-note-${repairId}`}
        required
        maxLength={FIELDS.followUpNote.maxLength}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        Save follow-up
      </button>
    </form>
  );
}

/**
 * Earlier requests with the office's answer, and a form for a new one (checked here by the
 * server's own rule). Offline (`queue`), the request is saved on the device and listed as waiting.
 */
function PartsPanel({
  repairId,
  queue,
  partsQueued,
}: {
  repairId: string;
  queue: QuickActionsQueue | null;
  partsQueued: QuickActionsQueue["partsQueued"];
}) {
  const [requests, setRequests] = useState<PartsRequestOnPhone[] | null>(null);
  const [item, setItem] = useState("");
  const [quantity, setQuantity] = useState("1");
  const [text, setText] = useState("");
  const [urgency, setUrgency] = useState<PartsUrgency>("ROUTINE");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const offline = queue !== null;
  useEffect(() => {
    if (offline) return;
    let live = true;
    void quickActions.partsForRepair(repairId).then((r) => {
      if (!live) return;
      if (r.ok) setRequests(r.value);
      else setProblem(r.message);
    });
    return () => {
      live = false;
    };
  }, [repairId, offline]);

  async function submit() {
    setProblem(null);
    const draft = { item, quantity: Number(quantity), note: text, urgency };
    try {
      checkPartsRequest(draft);
    } catch (error) {
      if (error instanceof QuickActionRefused) return setProblem(error.message);
      throw error;
    }
    setBusy(true);
    if (queue) {
      const saved = await queued(() => queue.requestParts(draft));
      setBusy(false);
      if (!saved.ok) return setProblem(saved.message);
    } else {
      const result = await quickActions.requestParts({ repairId, ...draft });
      setBusy(false);
      if (!result.ok) return setProblem(result.message);
      setRequests((now) => [result.value, ...(now ?? [])]);
    }
    setItem("");
    setQuantity("1");
    setText("");
  }

  return (
    <div className="quick-actions-parts">
      <form
        aria-label="Request parts"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={`parts-item-${repairId}`}>{FIELDS.partsItem.label}</label>
        <input
          id={`parts-item-${repairId}`}
          required
          maxLength={FIELDS.partsItem.maxLength}
          value={item}
          onChange={(e) => setItem(e.target.value)}
        />
        <label htmlFor={`parts-quantity-${repairId}`}>Quantity</label>
        <input
          id={`parts-quantity-${repairId}`}
          type="number"
          inputMode="numeric"
          required
          min={PARTS_QUANTITY.min}
          max={PARTS_QUANTITY.max}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
        <label htmlFor={`parts-note-${repairId}`}>{FIELDS.partsNote.label}</label>
        <textarea
          id={`parts-note-${repairId}`}
          maxLength={FIELDS.partsNote.maxLength}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <fieldset>
          <legend>Urgency</legend>
          {PARTS_URGENCIES.map((u) => (
            <label key={u} style={CHOICE}>
              <input
                type="radio"
                style={RADIO}
                name={`parts-urgency-${repairId}`}
                checked={urgency === u}
                onChange={() => setUrgency(u)}
              />
              {PARTS_URGENCY_LABELS[u]}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          Send parts request
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {partsQueued.length > 0 && (
        <ul className="quick-actions-parts-list" aria-label="Parts requests waiting to be sent">
          {partsQueued.map((r) => (
            <li key={r.id}>
              {r.quantity} × {r.item}: <strong>Saved on this phone, not sent yet</strong>
            </li>
          ))}
        </ul>
      )}
      {requests && requests.length > 0 && (
        <ul className="quick-actions-parts-list" aria-label="Parts requested">
          {requests.map((r) => (
            <li key={r.id}>
              {r.quantity} × {r.item}: <strong>{PARTS_STATUS_LABELS[r.status]}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
