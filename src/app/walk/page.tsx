"use client";
// The technician's home. A static client shell (no server data at render) so the service
// worker can serve it offline; everything it shows comes from the device or tRPC.
import { TopBar } from "../_components/top-bar";
import { api } from "~/trpc/react";

export default function WalkPage() {
  const me = api.session.me.useQuery();
  return (
    <>
      <TopBar title="Lot walk" userName={me.data?.name} />
      <main>
        <h1>Today&apos;s lot walks</h1>
        {me.isLoading && <p className="muted">Loading…</p>}
        {me.error && <p className="error">{me.error.message}</p>}
        {me.data && <p className="muted">Signed in as {me.data.email}</p>}
      </main>
    </>
  );
}
