"use client";
// Sets a new password for someone who lost theirs (told to them out of band).
import { type FormEvent, useState } from "react";
import { api } from "~/trpc/react";
import { FormStatus } from "../form-status";

export function ResetPassword({ userId, name }: { userId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const reset = api.admin.resetPassword.useMutation({ onSuccess: () => setPassword("") });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ userId, password });
  };
  if (!open) {
    return (
      <>
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Reset password…
        </button>
        <FormStatus saved={reset.isSuccess} savedText="Password reset" />
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} className="admin-inline" aria-label={`Reset the password of ${name}`}>
      <label htmlFor={`password-${userId}`} className="visually-hidden">
        New password for {name}
      </label>
      <input
        id={`password-${userId}`}
        type="password"
        autoComplete="new-password"
        placeholder="New password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoFocus
      />
      <button type="submit" disabled={!password || reset.isPending}>
        Set password
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Close
      </button>
      <FormStatus error={reset.error} saved={reset.isSuccess} savedText="Password reset" />
    </form>
  );
}
