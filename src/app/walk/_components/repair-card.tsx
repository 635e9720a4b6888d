"use client";
// One captured repair: the device's estimate and decision, where its sync stands, and after
// sync the server's status and price, and what of them differs from the device's own (price, decision or both).
import { memo } from "react";
import { STATUS_LABELS, damageLabel, describeDeviceDifference, formatCents, isStatus } from "~/domain";
import type { BlobRow, LocalRepair } from "~/client/store/db";
import { EditRepair } from "./edit-repair";
import { sentence } from "./format";

const SYNC_TEXT: Record<LocalRepair["sync"], string> = {
  queued: "Saved on this device, waiting to sync",
  sent: "On the server; files still uploading",
  synced: "Synced",
  rejected: "Refused by the server",
};

type Props = { repair: LocalRepair; files: BlobRow[]; editable?: boolean };

/** What a card shows, to skip redrawing it when a query hands back equal rows (every save re-reads them). */
const shown = ({ repair, files, editable }: Props) =>
  JSON.stringify([
    repair.id,
    repair.sync,
    repair.server,
    repair.error,
    repair.payload,
    repair.deviceEstimateCents,
    repair.deviceDecisionReason,
    repair.completedOnSpot,
    files.map((f) => [f.id, f.lastError?.message]),
    editable,
  ]);

export const RepairCard = memo(RepairCardView, (before, after) => shown(before) === shown(after));

/** `editable`: its walk is not signed yet, so a queued repair's description may be corrected. */
function RepairCardView({ repair, files, editable = false }: Props) {
  const server = repair.server;
  const fileErrors = files.filter((f) => f.lastError);
  const difference =
    server && isStatus(server.status)
      ? describeDeviceDifference(
          { estimateCents: repair.deviceEstimateCents, autoApproved: repair.deviceAutoApproved === 1 },
          { status: server.status, estimateCents: server.estimateCents },
        )
      : null;
  const flag = difference ?? (server?.flaggedReason ? `Flagged for the office: ${server.flaggedReason}` : null);
  const title = `${damageLabel(repair.payload.damageType)}${repair.payload.damagePosition ? `, ${repair.payload.damagePosition}` : ""}`;
  return (
    <article className={`repair sync-${repair.sync}`} aria-label={`Repair on unit ${repair.unitNumber}: ${title}`}>
      <h4>{title}</h4>
      <p>
        Device estimate <strong>{formatCents(repair.deviceEstimateCents)}</strong> ·{" "}
        {sentence(repair.deviceDecisionReason)}
        {repair.completedOnSpot === 1 && <> · fixed on the spot</>}
      </p>
      <p className="muted">
        {files.length} file{files.length === 1 ? "" : "s"} ·{" "}
        <span className={`badge sync-${repair.sync}`}>{SYNC_TEXT[repair.sync]}</span>
      </p>
      {server && (
        <p className="server-decision">
          Server: <strong>{isStatus(server.status) ? STATUS_LABELS[server.status] : server.status}</strong>
          {server.estimateCents !== null && <> · {formatCents(server.estimateCents)}</>}
        </p>
      )}
      {flag && (
        <p className="notice" role="note">
          ⚑ {flag}
          {difference && server?.flaggedReason && <span className="muted"> The office will review it.</span>}
        </p>
      )}
      {repair.error && <p className="error">{repair.error.message}</p>}
      {fileErrors.map((f) => (
        <p key={f.id} className="error">
          {f.kind === "VOICE" ? "Voice note" : "Photo"} not uploaded: {f.lastError!.message}
        </p>
      ))}
      {editable && repair.sync === "queued" && (
        <EditRepair repair={repair} label={`repair on unit ${repair.unitNumber}: ${title}`} />
      )}
    </article>
  );
}
