"use client";
// A long list drawn a part at a time: its first rows in the first HTML, the rest when asked. A
// customer with 100 repairs waiting got a page of 200 table rows, parsed and painted in pieces:
// sections below jumped as the tables grew (layout shift 0.58 in half the loads).
import { useCallback, useState } from "react";

export const FIRST_ROWS = 25;

export function useFirstRows<T>(items: T[], first = FIRST_ROWS) {
  const [all, setAll] = useState(false);
  const showAll = useCallback(() => setAll(true), []);
  return {
    shown: all ? items : items.slice(0, first),
    hidden: all ? 0 : Math.max(0, items.length - first),
    showAll,
  };
}

/** "Show all N": under a list whose rows `useFirstRows` held back; nothing when none are. */
export function ShowAllRows({ hidden, total, onShowAll }: { hidden: number; total: number; onShowAll: () => void }) {
  if (hidden === 0) return null;
  return (
    <button type="button" className="secondary" onClick={onShowAll}>
      Show all {total} ({hidden} more)
    </button>
  );
}
