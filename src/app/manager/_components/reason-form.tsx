"use client";
// A decision that needs words (denying, settling a flag): the reason is required before the
// button enables; the server's refusal, if any, is shown as it wrote it.
import { type FormEvent, useId, useState } from "react";
import { FIELDS } from "~/domain";

export function ReasonForm({
  label,
  submitLabel,
  placeholder,
  pending,
  error,
  danger = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  placeholder?: string;
  pending: boolean;
  error: { message: string } | null;
  danger?: boolean;
  onSubmit: (reason: string) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <form className="mgr-inline-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={FIELDS.reason.maxLength}
        required
        placeholder={placeholder}
        autoFocus
      />
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <div className="mgr-actions">
        <button type="submit" className={danger ? "mgr-danger" : undefined} disabled={!reason.trim() || pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
