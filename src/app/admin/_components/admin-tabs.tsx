"use client";
// The admin's sections as ARIA tabs: arrow keys, Home and End move between them (roving
// tabindex), a tap or Enter opens one.
import { type KeyboardEvent, useRef } from "react";
import { warmPanel } from "./admin-panels";
import { ADMIN_TABS, type AdminTab } from "./use-admin-location";

const STEP: Record<string, (i: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowDown: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i - 1,
  Home: () => 0,
  End: () => ADMIN_TABS.length - 1,
};

export const tabId = (tab: AdminTab) => `admin-tab-${tab}`;
export const panelId = (tab: AdminTab) => `admin-panel-${tab}`;

export function AdminTabs({ current, onSelect }: { current: AdminTab; onSelect: (tab: AdminTab) => void }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const next = (step(index) + ADMIN_TABS.length) % ADMIN_TABS.length;
    onSelect(ADMIN_TABS[next]!.id);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Administration" className="admin-tabs">
      {ADMIN_TABS.map((tab, index) => (
        <button
          key={tab.id}
          ref={(el) => {
            buttons.current[index] = el;
          }}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={current === tab.id}
          aria-controls={panelId(tab.id)}
          tabIndex={current === tab.id ? 0 : -1}
          onPointerEnter={() => warmPanel(tab.id)}
          onFocus={() => warmPanel(tab.id)}
          onTouchStart={() => warmPanel(tab.id)}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
