"use client";
import { useCallback, useState } from "react";

/** The ids ticked in a list of checkboxes, for deciding on several at once. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const select = useCallback((ids: Iterable<string>) => setSelected(new Set(ids)), []);
  return { selected, toggle, select };
}
