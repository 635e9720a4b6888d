"use client";
// The customer's home: what waits for their approval, a repair request with the price shown
// before submitting, their open work (live: a change shows without a reload), messages with the
// office, lot walks, fleet editing, their fleet's history and their rewards points. Everything
// comes through tRPC procedures that confine a customer user to their own company.
import { useCallback, useState } from "react";
import { timeText } from "~/domain";
import { api } from "~/trpc/react";
import { HydrationSlice } from "../_components/hydration-slice";
import { MessageCentre, type ThreadSubject } from "../_components/message-centre";
import { FleetEditor } from "./_components/fleet-editor";
import { FleetHistory } from "./_components/fleet-history";
import { Inbox } from "./_components/inbox";
import { Invoices } from "./_components/invoices";
import { OpenWork } from "./_components/open-work";
import { PendingApprovals } from "./_components/pending-approvals";
import { RequestRepairForm } from "./_components/request-repair-form";
import { Rewards } from "./_components/rewards";
import { ServiceWalks } from "./_components/service-walks";
import { usePortalChanges } from "./_components/use-portal-changes";

export function PortalHome() {
  const me = api.session.me.useQuery();
  const live = usePortalChanges();
  const [subject, setSubject] = useState<ThreadSubject | null>(null);
  const openThread = useCallback((next: ThreadSubject) => {
    setSubject(next);
    document.getElementById("messages")?.scrollIntoView();
  }, []);
  return (
    <section>
      <h1>Your fleet</h1>
      <nav aria-label="Portal screens">
        <a href="/portal/analytics">Fleet analytics</a>
      </nav>
      {me.data && <p className="muted">Signed in as {me.data.email}</p>}
      <p className="muted" role="status" data-testid="live-status">
        {live.error
          ? `Live updates paused: ${live.error}`
          : live.checkedAt
            ? `Live: checked at ${timeText(live.checkedAt)}`
            : "Live updates starting…"}
      </p>
      {[
        <PendingApprovals key="approvals" />,
        <Inbox key="inbox" />,
        <RequestRepairForm key="request" />,
        <OpenWork key="open-work" onMessage={openThread} />,
        <MessageCentre key="messages" subject={subject} onSubject={setSubject} generalLabel="Message the office" />,
        <ServiceWalks key="walks" />,
        <FleetEditor key="fleet" />,
        <FleetHistory key="history" />,
        <Invoices key="invoices" />,
        <Rewards key="rewards" />,
      ].map((part) => (
        <HydrationSlice key={part.key}>{part}</HydrationSlice>
      ))}
    </section>
  );
}
