"use client";
// The customer's home: what waits for their approval, a repair request with the price shown
// before submitting, their open work, their fleet's history and their rewards points. Everything comes through
// tRPC procedures that confine a customer user to their own company.
import { api } from "~/trpc/react";
import { FleetHistory } from "./_components/fleet-history";
import { Inbox } from "./_components/inbox";
import { Invoices } from "./_components/invoices";
import { OpenWork } from "./_components/open-work";
import { PendingApprovals } from "./_components/pending-approvals";
import { RequestRepairForm } from "./_components/request-repair-form";
import { Rewards } from "./_components/rewards";

export function PortalHome() {
  const me = api.session.me.useQuery();
  return (
    <section>
      <h1>Your fleet</h1>
      {me.data && <p className="muted">Signed in as {me.data.email}</p>}
      <PendingApprovals />
      <Inbox />
      <RequestRepairForm />
      <OpenWork />
      <FleetHistory />
      <Invoices />
      <Rewards />
    </section>
  );
}
