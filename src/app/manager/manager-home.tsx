"use client";
// The manager's tablet: what waits for approval, work without a technician, sync flags and the
// team, kept current by a cheap poll. Every list and decision goes through tRPC; the server
// decides what this manager may see and do.
import { useOfficeOnline } from "../_components/offline-view";
import { QueryState } from "../_components/query-state";
import { FlaggedRepairs } from "./_components/flagged-repairs";
import { LiveStatus } from "./_components/live-status";
import { ManagerNav } from "./_components/manager-nav";
import { ManagerPushSwitch } from "./_components/manager-push-switch";
import { RequestsWaiting } from "./_components/requests-waiting";
import { ManagerQueue } from "./_components/queue/manager-queue";
import { TeamBoard } from "./_components/team-board";
import { useManagerRights } from "./_components/use-manager-rights";

export function ManagerHome() {
  const { rights, email, isLoading, error } = useManagerRights();
  const online = useOfficeOnline();
  return (
    <section className="mgr">
      <h1>Approvals and team</h1>
      {email && <p className="muted mgr-who">Signed in as {email}</p>}
      <LiveStatus />
      <ManagerNav />
      <nav aria-label="Sections" className="mgr-nav">
        <a href="#approvals">Approvals</a>
        <a href="#requests">Requests</a>
        <a href="#flags">Flags</a>
        <a href="#team">Team</a>
      </nav>
      <QueryState isLoading={isLoading} error={error} isEmpty={!rights} empty="Your rights could not be read.">
        {rights && (
          <div className="mgr-layout">
            <div className="mgr-main">
              <ManagerQueue rights={rights} online={online} />
            </div>
            <div className="mgr-side">
              <RequestsWaiting rights={rights} />
              <FlaggedRepairs online={online} />
              <TeamBoard />
              <ManagerPushSwitch />
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
