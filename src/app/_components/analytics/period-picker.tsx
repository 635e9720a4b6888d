"use client";
// The period picker: day, week, month, quarter, year (any date inside it) or a custom range
// (at most five years; the server refuses more, or an end before the start, and says so).
import { type FormEvent, useState } from "react";
import type { PeriodInput, PeriodKind, PeriodPair } from "~/domain/analytics";

const KINDS: { kind: PeriodKind; label: string }[] = [
  { kind: "day", label: "Day" },
  { kind: "week", label: "Week" },
  { kind: "month", label: "Month" },
  { kind: "quarter", label: "Quarter" },
  { kind: "year", label: "Year" },
  { kind: "custom", label: "Custom" },
];

export function PeriodPicker({
  period,
  onChange,
  resolved,
}: {
  period: PeriodInput;
  onChange: (next: PeriodInput) => void;
  resolved?: PeriodPair;
}) {
  const [from, setFrom] = useState(period.from ?? resolved?.current.from ?? "");
  const [to, setTo] = useState(period.to ?? resolved?.current.to ?? "");
  const shift = (direction: -1 | 1) => {
    if (!resolved || period.kind === "custom") return;
    const edge = direction < 0 ? resolved.previous.from : nextDay(resolved.current.to);
    onChange({ kind: period.kind, anchor: edge });
  };
  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    onChange({ kind: "custom", from, to });
  };
  return (
    <div className="an-period">
      <div role="group" aria-label="Period" className="an-kinds">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            aria-pressed={period.kind === k.kind}
            onClick={() =>
              k.kind === "custom"
                ? onChange({ kind: "custom", from: resolved?.current.from ?? from, to: resolved?.current.to ?? to })
                : onChange({ kind: k.kind, ...(period.anchor ? { anchor: period.anchor } : {}) })
            }
          >
            {k.label}
          </button>
        ))}
      </div>
      {period.kind === "custom" ? (
        <form className="an-custom" onSubmit={applyCustom}>
          <label>
            From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
          </label>
          <button type="submit">Show period</button>
        </form>
      ) : (
        <div className="an-shift">
          <button type="button" onClick={() => shift(-1)} disabled={!resolved}>
            ← Previous {period.kind}
          </button>
          <button type="button" onClick={() => shift(1)} disabled={!resolved}>
            Next {period.kind} →
          </button>
        </div>
      )}
      {resolved && (
        <p className="an-range" data-testid="period-range">
          {resolved.current.from === resolved.current.to
            ? resolved.current.from
            : `${resolved.current.from} to ${resolved.current.to}`}{" "}
          <span className="muted">
            (compared with {resolved.previous.from} to {resolved.previous.to})
          </span>
        </p>
      )}
    </div>
  );
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
