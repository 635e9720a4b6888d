"use client";
// Mass notification from a multi-select of repairs: one message to every customer the chosen
// repairs belong to (each customer told once, listing its own repairs; its users by their own
// notification settings).
import { useId, useState } from "react";
import { api } from "~/trpc/react";

export function MessageCustomers({ repairIds }: { repairIds: readonly string[] }) {
  const fieldId = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const send = api.notifications.sendToCustomers.useMutation({
    onSuccess: () => {
      setMessage("");
      setOpen(false);
    },
  });
  if (repairIds.length === 0 && !send.data) return null;
  const count = repairIds.length;
  return (
    <div className="message-customers">
      {send.data && (
        <p role="status" className="muted">
          Message sent to {send.data.customers} {send.data.customers === 1 ? "customer" : "customers"}.
        </p>
      )}
      {count > 0 && !open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Message the customers of {count} selected {count === 1 ? "repair" : "repairs"}
        </button>
      )}
      {count > 0 && open && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            send.mutate({ repairIds: [...repairIds], message });
          }}
        >
          <label htmlFor={fieldId}>Message to the customers of {count} selected repairs</label>
          <textarea
            id={fieldId}
            value={message}
            maxLength={2000}
            rows={3}
            required
            onChange={(e) => setMessage(e.target.value)}
          />
          {send.error && (
            <p role="alert" className="error">
              Not sent: {send.error.message}
            </p>
          )}
          <button type="submit" disabled={send.isPending || message.trim() === ""}>
            {send.isPending ? "Sending…" : "Send message"}
          </button>{" "}
          <button type="button" className="ghost" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
