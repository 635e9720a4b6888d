"use client";
// My work on /walk's home: the repairs given to this technician (assigned requests, approved
// finds to come back for), from the prepared data, so it works offline. Grouped by site (the
// customer): there is no day's route with ordered stops yet. A tap opens the repair's work screen.
import { useEffect, useState } from "react";
import { rsDb } from "~/client/store/db";
import type { OutboxEntry, WorkRepairRow } from "~/client/store/db";
import { workStatus } from "~/client/store/my-work";
import { damageLabel, formatCents } from "~/domain";
import { useLiveQuery } from "../_hooks/use-live-query";
import { lazyComponent } from "../_lib/lazy-component";
import { whenIdle } from "../_lib/when-idle";

// The work screen (photo capture and compression) loads when a repair is first opened.
const workScreen = lazyComponent(() => import("./work-screen").then((m) => m.WorkScreen));

function WorkScreenLoaded(props: { repairId: string; onClose: () => void }) {
  const { Component, failed } = workScreen.useLoaded();
  if (Component) return <Component {...props} />;
  return failed ? (
    <p className="error" role="alert">
      This screen could not be loaded. Reload once you have a connection; your work is saved on this device.
    </p>
  ) : null;
}

type Card = { row: WorkRepairRow; changes: OutboxEntry[] };

async function loadWork(): Promise<Card[]> {
  const db = rsDb();
  return db.transaction("r", [db.workRepairs, db.outbox], async () => {
    const rows = await db.workRepairs.toArray();
    const entries = await db.outbox
      .where("recordId")
      .anyOf(rows.map((r) => r.id))
      .toArray();
    return rows.map((row) => ({ row, changes: entries.filter((e) => e.recordId === row.id) }));
  });
}

const STATUS_TEXT: Record<ReturnType<typeof workStatus>, string> = {
  APPROVED: "Approved",
  ASSIGNED: "Assigned",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
};

export function MyWork() {
  const cards = useLiveQuery(loadWork, "my-work");
  const [open, setOpen] = useState<string | null>(null);
  const hasWork = Boolean(cards?.length);
  // Loaded ahead once there is work, so a repair opens offline too.
  useEffect(() => (hasWork ? whenIdle(() => void workScreen.preload()) : undefined), [hasWork]);
  if (!cards?.length) return null;
  const sites = new Map<string, Card[]>();
  for (const card of cards) {
    const list = sites.get(card.row.customerId);
    if (list) list.push(card);
    else sites.set(card.row.customerId, [card]);
  }
  return (
    <section aria-labelledby="my-work-title" className="card my-work">
      <h2 id="my-work-title">My work</h2>
      {[...sites.values()].map((site) => (
        <div key={site[0]!.row.customerId}>
          <h3>
            {site[0]!.row.customerName}
            {site[0]!.row.siteAddress && <span className="muted"> · {site[0]!.row.siteAddress}</span>}
          </h3>
          <ul className="plain work-cards">
            {site.map((card) => (
              <li key={card.row.id} id={`work-${card.row.id}`}>
                <WorkCard card={card} onOpen={() => setOpen(card.row.id)} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      {open && <WorkScreenLoaded repairId={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

function WorkCard({ card, onOpen }: { card: Card; onOpen: () => void }) {
  const { row, changes } = card;
  const status = workStatus(row);
  const refused = changes.some((c) => c.state === "failed");
  const waiting = !refused && changes.length > 0;
  const price = row.device.frozenPriceCents ?? row.estimateCents;
  return (
    <button type="button" className="work-card secondary" onClick={onOpen}>
      {row.urgent && (
        <>
          <strong className="badge urgent">Urgent</strong>{" "}
        </>
      )}
      <strong>Unit {row.unitNumber}</strong> · {damageLabel(row.damageType)}
      {price !== null && <> · {formatCents(price)}</>}
      <span className="work-card-line">
        {STATUS_TEXT[status]}
        {row.origin === "CUSTOMER_REQUEST" ? " · customer request" : row.approvalKind ? " · approved" : ""}
        {row.photos.length + row.device.photoIds.length > 0 &&
          ` · ${row.photos.length + row.device.photoIds.length} photo(s)`}
      </span>
      {refused && <span className="error work-card-line">Refused: open to see why</span>}
      {waiting && <span className="muted work-card-line">Waiting to sync</span>}
    </button>
  );
}

/**
 * On a unit's open work during a walk: a repair of My work is done now, on its work screen,
 * rather than captured a second time. Nothing when the repair is not in My work or done already.
 */
export function DoWorkNow({ repairId }: { repairId: string }) {
  const row = useLiveQuery(() => rsDb().workRepairs.get(repairId), `work-row-${repairId}`);
  const [open, setOpen] = useState(false);
  if (!row || workStatus(row) === "COMPLETED") return null;
  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Do this work now
      </button>
      {open && <WorkScreenLoaded repairId={repairId} onClose={() => setOpen(false)} />}
    </>
  );
}
