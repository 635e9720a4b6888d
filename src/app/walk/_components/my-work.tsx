"use client";
// My work on /walk's home: the repairs given to this technician (assigned requests, approved
// finds to come back for), from the prepared data, so it works offline. Grouped by site (the
// customer): there is no day's route with ordered stops yet. A tap opens the repair's work screen.
// Below it, open work: unassigned repairs at customers this technician may serve, each with one
// "Assign to me" that needs the network (another technician may take it meanwhile); taken, it
// moves into My work.
import { useEffect, useState } from "react";
import { rsDb } from "~/client/store/db";
import type { OpenWorkRow, OutboxEntry, WorkRepairRow } from "~/client/store/db";
import { takeOpenWork, workStatus } from "~/client/store/my-work";
import { quickActions } from "~/client/quick-actions/quick-actions-api";
import { useOnline } from "../_hooks/use-online";
import { damageLabel, formatCents } from "~/domain";
import { useLiveQuery } from "../_hooks/use-live-query";
import { lazyComponent } from "../_lib/lazy-component";
import { whenIdle } from "../_lib/when-idle";
import { whenServedByWorker } from "../_lib/when-served-by-worker";

// The work screen (photo capture and compression) loads when a repair is first opened.
const workScreen = lazyComponent(() => import("./work-screen").then((m) => m.WorkScreen));

// "Notifications on this device": drawn under My work (so /walk's first screen carries none of
// it), its code a chunk of its own loaded at idle time once a service worker controls the page:
// push needs the worker, and its cache then serves the chunk.
const pushSwitch = lazyComponent(() => import("./walk-push-switch").then((m) => m.WalkPushSwitch));

function PushSwitchLoaded() {
  const { Component } = pushSwitch.useLoaded({ load: false });
  useEffect(() => whenServedByWorker(() => whenIdle(() => void pushSwitch.preload())), []);
  return Component ? <Component /> : null;
}

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

async function loadWork(): Promise<{ cards: Card[]; open: OpenWorkRow[] }> {
  const db = rsDb();
  return db.transaction("r", [db.workRepairs, db.outbox, db.openWork], async () => {
    const rows = await db.workRepairs.toArray();
    const entries = await db.outbox
      .where("recordId")
      .anyOf(rows.map((r) => r.id))
      .toArray();
    const open = await db.openWork.toArray();
    return { cards: rows.map((row) => ({ row, changes: entries.filter((e) => e.recordId === row.id) })), open };
  });
}

const STATUS_TEXT: Record<ReturnType<typeof workStatus>, string> = {
  APPROVED: "Approved",
  ASSIGNED: "Assigned",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
};

export function MyWork() {
  const work = useLiveQuery(loadWork, "my-work");
  const [open, setOpen] = useState<string | null>(null);
  const cards = work?.cards;
  const hasWork = Boolean(cards?.length);
  // Loaded ahead from the service worker's cache once there is work, so a repair opens at once;
  // offline, the worker's precache has it.
  useEffect(
    () => (hasWork ? whenServedByWorker(() => whenIdle(() => void workScreen.preload())) : undefined),
    [hasWork],
  );
  if (!work) return null;
  return (
    <>
      {cards && cards.length > 0 && <MyWorkList cards={cards} onOpen={setOpen} />}
      <OpenWork rows={work.open} />
      {open && <WorkScreenLoaded repairId={open} onClose={() => setOpen(null)} />}
      <PushSwitchLoaded />
    </>
  );
}

function MyWorkList({ cards, onOpen }: { cards: Card[]; onOpen: (repairId: string) => void }) {
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
                <WorkCard card={card} onOpen={() => onOpen(card.row.id)} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * Unassigned work this technician may take. "Assign to me" asks the server (claim); once it
 * answers, the repair moves into My work. Refused (taken by someone else, the customer blocked
 * this technician), it leaves the list with the reason.
 */
function OpenWork({ rows }: { rows: OpenWorkRow[] }) {
  const online = useOnline();
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  if (rows.length === 0 && !note) return null;

  async function take(row: OpenWorkRow) {
    setBusy(row.id);
    setNote(null);
    const answer = await quickActions.assignToMe(row.id);
    if (answer.ok) {
      await takeOpenWork(rsDb(), row.id, "ASSIGNED");
      setNote({ ok: true, text: `Unit ${row.unitNumber} is in My work now.` });
    } else {
      // An answer from the server means the work is no longer open to this technician.
      if (answer.code !== null) await rsDb().openWork.delete(row.id);
      setNote({ ok: false, text: `Unit ${row.unitNumber}: ${answer.message}` });
    }
    setBusy(null);
  }

  return (
    <section aria-labelledby="open-work-title" className="card my-work">
      <h2 id="open-work-title">Open work you can take</h2>
      {!online && <p className="muted">Assign to me needs a connection: someone else may take the work meanwhile.</p>}
      {note && (
        <p className={note.ok ? "quick-actions-ok" : "error"} role={note.ok ? "status" : "alert"}>
          {note.text}
        </p>
      )}
      <ul className="plain work-cards">
        {rows.map((row) => (
          <li key={row.id} className="work-card">
            {row.urgent && (
              <>
                <strong className="badge urgent">Urgent</strong>{" "}
              </>
            )}
            <strong>Unit {row.unitNumber}</strong> · {damageLabel(row.damageType)}
            {row.estimateCents !== null && <> · {formatCents(row.estimateCents)}</>}
            <span className="work-card-line">
              {row.customerName}
              {row.siteAddress && ` · ${row.siteAddress}`}
              {row.origin === "CUSTOMER_REQUEST" ? " · customer request" : " · approved"}
            </span>
            <button
              type="button"
              disabled={!online || busy !== null}
              aria-label={online ? `Assign unit ${row.unitNumber} to me` : `Assign to me — Needs a connection`}
              onClick={() => void take(row)}
            >
              Assign to me
            </button>
          </li>
        ))}
      </ul>
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
      {(row.device.urgent ?? row.urgent) && (
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
