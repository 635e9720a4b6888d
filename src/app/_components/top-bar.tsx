"use client";
import { signOut } from "next-auth/react";
import { tellServiceWorkerSignedOut } from "~/client/pwa/signed-out";

export function TopBar({ title, userName }: { title: string; userName?: string | null }) {
  return (
    <header className="topbar">
      <span className="brand">RS Systems · {title}</span>
      <span className="who">{userName}</span>
      <button type="button" className="ghost" onClick={() => void tellServiceWorkerSignedOut().finally(() => signOut({ callbackUrl: "/login" }))}>
        Sign out
      </button>
    </header>
  );
}
