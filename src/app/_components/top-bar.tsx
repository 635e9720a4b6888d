"use client";
import { type ReactNode, useState } from "react";
import { signOut } from "~/client/session/sign-out";

/** `children`: what a screen adds to the bar (the office screens' notification bell). */
export function TopBar({
  title,
  userName,
  children,
}: {
  title: string;
  userName?: string | null;
  children?: ReactNode;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <header className="topbar">
      <span className="brand">
        {/* On a phone the bar keeps one line: the product's name gives way to the area's. */}
        <span className="brand-name">RS Systems · </span>
        {title}
      </span>
      <span className="who">{userName}</span>
      {children}
      <button
        type="button"
        className="ghost"
        onClick={() => signOut().catch((error: Error) => setProblem(error.message))}
      >
        Sign out
      </button>
      {problem && (
        // A line of its own under the bar, so the bar itself keeps one line on a phone.
        <p role="alert" className="topbar-alert">
          {problem}
          <button type="button" className="ghost" aria-label="Dismiss" onClick={() => setProblem(null)}>
            ×
          </button>
        </p>
      )}
    </header>
  );
}
