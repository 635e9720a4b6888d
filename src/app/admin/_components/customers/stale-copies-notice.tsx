"use client";
// After a change of a customer's prices or approval settings: how many technicians' devices
// still hold the old values offline (as sync.prepare recorded), and that their next Prepare
// refreshes them. Until then those devices estimate and auto-approve with the old values, and
// the server flags what they capture for a manager.
import { api } from "~/trpc/react";

export function StaleCopiesNotice({ customerId, what }: { customerId: string; what: string }) {
  const copies = api.admin.staleOfflineCopies.useQuery({ customerId });
  const stale = copies.data?.stale ?? 0;
  if (stale === 0) return null;
  const names = copies.data!.technicians.map((t) => t.name).join(", ");
  return (
    <p className="notice" role="status" data-testid="stale-offline-copies">
      {stale} {stale === 1 ? "technician holds" : "technicians hold"} an offline copy made with the old {what} ({names}
      ): their devices use the old values until their next Prepare, which refreshes the copy. What they capture
      meanwhile is repriced by the server and flagged if it differs.
    </p>
  );
}
