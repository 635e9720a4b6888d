"use client";
import { api } from "~/trpc/react";

export function AdminHome() {
  const me = api.session.me.useQuery();
  return (
    <section>
      <h1>Business administration</h1>
      {me.isLoading && <p className="muted">Loading…</p>}
      {me.error && <p className="error">{me.error.message}</p>}
      {me.data && <p className="muted">Signed in as {me.data.email}</p>}
    </section>
  );
}
