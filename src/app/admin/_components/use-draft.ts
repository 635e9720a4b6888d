"use client";
// The editable copy of what the server holds, shared by the admin's edit forms: an edit hides
// the last "Saved", the server's answer to a save becomes the new copy (as it normalized it)
// and the admin's lists refresh; typed values are converted before sending.
import { useState } from "react";
import { api } from "~/trpc/react";
import { converted } from "./form-values";

export function useDraft<D extends object>(initial: () => D) {
  const utils = api.useUtils();
  const [draft, setDraft] = useState(initial);
  const [edited, setEdited] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return {
    draft,
    /** A problem found while converting the typed values (not sent). */
    problem,
    edited,
    change: (patch: Partial<D>) => {
      setDraft((d) => ({ ...d, ...patch }));
      setEdited(true);
    },
    saved: (next: D) => {
      setDraft(next);
      setEdited(false);
      void utils.admin.invalidate();
    },
    /** Sends the converted input, or reports why it could not be converted. */
    submit: <I>(build: () => I, send: (input: I) => void) => {
      const input = converted(build, setProblem);
      if (input !== undefined) send(input);
    },
  };
}
