"use client";
import { signOut } from "next-auth/react";

export function TopBar({ title, userName }: { title: string; userName?: string | null }) {
  return (
    <header className="topbar">
      <span className="brand">RS Systems · {title}</span>
      <span className="who">{userName}</span>
      <button type="button" className="ghost" onClick={() => void signOut({ callbackUrl: "/login" })}>
        Sign out
      </button>
    </header>
  );
}
