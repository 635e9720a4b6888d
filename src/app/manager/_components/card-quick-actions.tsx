"use client";
// The quick actions that fit the manager's repair card: mark urgent (queues put urgent work
// first), send to the customer's portal inbox, create a follow-up with a due date. Each is
// checked and audited on the server; the answer or the refusal is shown on the card.
import { useState } from "react";
import { FIELDS, dateText } from "~/domain";
import { api } from "~/trpc/react";
import { useRefreshLists } from "./use-refresh-lists";

type Props = { repair: { id: string; urgent: boolean; unit: { unitNumber: string } } };

export function CardQuickActions({ repair }: Props) {
  const refresh = useRefreshLists();
  const [done, setDone] = useState<string | null>(null);
  const [followUpOpen, setFollowUpOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onError = (error: { message: string }) => {
    setDone(null);
    setProblem(error.message);
  };
  const urgent = api.repair.markUrgent.useMutation({ onSuccess: () => refresh(), onError });
  const send = api.repair.sendToCustomer.useMutation({
    onSuccess: () => setDone("Sent to the customer's portal inbox."),
    onError,
  });
  const unit = repair.unit.unitNumber;
  return (
    <div className="mgr-quick">
      <div className="mgr-actions">
        <button
          type="button"
          disabled={urgent.isPending}
          onClick={() => {
            setProblem(null);
            urgent.mutate({ repairId: repair.id, urgent: !repair.urgent });
          }}
        >
          {repair.urgent ? "Not urgent" : "Mark as urgent"}
          <span className="sr-only">: unit {unit}</span>
        </button>
        <button
          type="button"
          disabled={send.isPending}
          onClick={() => {
            setProblem(null);
            send.mutate({ repairId: repair.id });
          }}
        >
          Send to customer
          <span className="sr-only">: unit {unit}</span>
        </button>
        <button type="button" aria-expanded={followUpOpen} onClick={() => setFollowUpOpen((open) => !open)}>
          Create follow-up
          <span className="sr-only">: unit {unit}</span>
        </button>
      </div>
      {followUpOpen && (
        <FollowUpForm
          repairId={repair.id}
          unit={unit}
          onDone={(message) => {
            setFollowUpOpen(false);
            setDone(message);
            void refresh();
          }}
        />
      )}
      {done && (
        <p className="mgr-ok" role="status">
          {done}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Today as the date input spells it, in the tablet's time zone. */
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export function FollowUpForm({
  repairId,
  unit,
  onDone,
}: {
  repairId: string;
  unit: string;
  onDone: (message: string) => void;
}) {
  const [dueOn, setDueOn] = useState(today());
  const [note, setNote] = useState("");
  const create = api.repair.createFollowUp.useMutation({
    onSuccess: (repair) =>
      onDone(`Follow-up created for unit ${unit}, due ${repair.dueAt ? dateText(repair.dueAt) : undefined}.`),
  });
  const [id] = useState(() => crypto.randomUUID());
  return (
    <form
      className="mgr-inline-form"
      aria-label={`Follow-up for unit ${unit}`}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ id, repairId, dueAt: new Date(`${dueOn}T12:00:00`), note });
      }}
    >
      <label htmlFor={`due-${repairId}`}>Due on</label>
      <input
        id={`due-${repairId}`}
        type="date"
        required
        value={dueOn}
        min={today()}
        onChange={(e) => setDueOn(e.target.value)}
      />
      <label htmlFor={`note-${repairId}`}>{FIELDS.followUpNote.label}</label>
      <textarea
        id={`note-${repairId}`}
        required
        maxLength={FIELDS.followUpNote.maxLength}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="mgr-actions">
        <button type="submit" className="mgr-primary" disabled={create.isPending}>
          Save follow-up
        </button>
      </div>
      {create.error && (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
