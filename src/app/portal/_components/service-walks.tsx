"use client";
// Service scheduling: the customer's coming lot walks, a request for a walk on a date (the
// office plans it from its week view), and withdrawing a request before the walk starts.
import { type FormEvent, useRef, useState } from "react";
import { FIELDS, localIsoDate } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";

const today = () => localIsoDate(new Date());

export function ServiceWalks() {
  const utils = api.useUtils();
  const walks = api.portal.walks.useQuery();
  const [date, setDate] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  // One id per request being filled in: a double click asks once (request-walk.ts).
  const requestId = useRef(crypto.randomUUID());
  const request = api.portal.requestWalk.useMutation({
    onSuccess: (walk) => {
      requestId.current = crypto.randomUUID();
      setDone(`Walk requested for ${walk.date}. The office will confirm a time.`);
      setDate("");
      setNote("");
      void utils.portal.walks.invalidate();
    },
  });
  const cancel = api.portal.cancelWalkRequest.useMutation({ onSuccess: () => void utils.portal.walks.invalidate() });
  const items = walks.data ?? [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (request.isPending) return;
    setDone(null);
    request.mutate({ id: requestId.current, date, note });
  }

  return (
    <div className="card" id="walks">
      <h2>Lot walks</h2>
      <QueryState
        isLoading={walks.isLoading}
        error={walks.error}
        isEmpty={items.length === 0}
        empty="No lot walk is planned."
      >
        <table aria-label="Coming lot walks">
          <thead>
            <tr>
              <th>Date</th>
              <th>Site</th>
              <th>Technician</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <tr key={w.id}>
                <td>
                  {w.date}
                  {w.time ? ` ${w.time}` : ""}
                </td>
                <td>{w.siteName ?? "—"}</td>
                <td>{w.technicianName ?? "not assigned yet"}</td>
                <td>
                  <span className="badge">{w.requested ? "Requested by you" : "Planned"}</span>
                  {w.status === "IN_PROGRESS" && <span className="badge">In progress</span>}
                </td>
                <td>
                  {w.cancellable && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={cancel.isPending}
                      onClick={() => cancel.mutate({ walkId: w.id })}
                    >
                      Withdraw request for {w.date}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
      {cancel.error && (
        <p className="error" role="alert">
          {cancel.error.message}
        </p>
      )}
      <form onSubmit={onSubmit} aria-label="Ask for a walk">
        <h3>Ask for a walk</h3>
        <label htmlFor="walk-date">Date</label>
        <input
          id="walk-date"
          type="date"
          min={today()}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          required
        />
        <label htmlFor="walk-note">Note for the office (optional)</label>
        <input
          id="walk-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={FIELDS.requestNote.maxLength}
        />
        {request.error && (
          <p className="error" role="alert">
            {request.error.message}
          </p>
        )}
        {done && (
          <p className="muted" role="status">
            {done}
          </p>
        )}
        <p>
          <button type="submit" disabled={!date || request.isPending}>
            Ask for a walk
          </button>
        </p>
      </form>
    </div>
  );
}
