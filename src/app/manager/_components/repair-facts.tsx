"use client";
// What a manager needs to decide on one repair: unit, customer, damage, price (and who set it),
// technician, notes, the completion checklist as confirmed, and photos. Each list adds its own
// actions below.
import { type ReactNode, useState } from "react";
import { DAMAGE_LABELS, confirmedChecklistOf, dateTimeText, formatCents, weekdayDateTimeText } from "~/domain";
import { sentence } from "~/app/walk/_components/format";
import { VoiceNotes } from "~/app/_components/voice-notes";
import { PhotoStrip } from "./photo-strip";
import { RepairMap } from "./repair-map";
import { type ManagerRepair, currentCents } from "./types";

type Props = {
  repair: ManagerRepair;
  heading?: "h3" | "h4";
  /** Its number on the walk's map. */
  pin?: number;
  /** Off where the group already names the customer. */
  showCustomer?: boolean;
  children?: ReactNode;
};

export function RepairFacts({ repair, heading: Heading = "h4", pin, showCustomer = true, children }: Props) {
  const cents = currentCents(repair);
  const { unit } = repair;
  return (
    <>
      <Heading className="mgr-unit">
        {pin !== undefined && (
          <span className="mgr-pin" aria-label={`Map pin ${pin}`}>
            {pin}
          </span>
        )}
        Unit {unit.unitNumber}
        {repair.urgent && <span className="badge mgr-urgent">Urgent</span>}
        {unit.make && <span className="muted"> · {[unit.year, unit.make, unit.model].filter(Boolean).join(" ")}</span>}
      </Heading>
      <dl className="mgr-facts">
        {showCustomer && (
          <div>
            <dt>Customer</dt>
            <dd>{repair.customer.name}</dd>
          </div>
        )}
        <div>
          <dt>Damage</dt>
          <dd>
            {DAMAGE_LABELS[repair.damageType]}
            {repair.damagePosition ? `, ${repair.damagePosition}` : ""}
          </dd>
        </div>
        <div>
          <dt>{repair.priceCents === null ? "Estimate" : "Price"}</dt>
          <dd data-testid="repair-price">{cents === null ? "—" : formatCents(cents)}</dd>
        </div>
        <div>
          <dt>Technician</dt>
          <dd>{repair.technician?.name ?? "Not assigned"}</dd>
        </div>
        <div>
          <dt>Captured</dt>
          <dd data-testid="captured-at">{weekdayDateTimeText(repair.capturedAt ?? repair.createdAt)}</dd>
        </div>
      </dl>
      <GpsFact repair={repair} />
      <VoiceNotes attachments={repair.attachments} unitNumber={unit.unitNumber} className="mgr-line" />
      {repair.overrideCents !== null && repair.overrideReason && (
        <p className="mgr-line">
          <strong>Price set by a manager:</strong> {repair.overrideReason}
        </p>
      )}
      {repair.customerNotes && (
        <p className="mgr-line">
          <strong>Customer&apos;s note:</strong> {repair.customerNotes}
        </p>
      )}
      {repair.technicianNotes && (
        <p className="mgr-line">
          <strong>Technician&apos;s note:</strong> {repair.technicianNotes}
        </p>
      )}
      <ConfirmedChecklist value={repair.completionChecklist} />
      {children}
      <PhotoStrip repair={repair} />
    </>
  );
}

/** The customer's completion checklist as the technician confirmed it when completing. */
export function ConfirmedChecklist({ value }: { value: unknown }) {
  const items = confirmedChecklistOf(value);
  if (items.length === 0) return null;
  return (
    <div className="mgr-line" data-testid="completion-checklist">
      <strong>Checklist confirmed at completion:</strong>
      <ul>
        {items.map((c) => (
          <li key={c.item}>
            ✓ {c.item} <span className="muted">({dateTimeText(new Date(c.confirmedAt))})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why the repair waits, in the server's words: recomputed by the server after a price change. */
export function ApprovalReason({ repair }: { repair: ManagerRepair }) {
  const reason = repair.decisionReason ?? repair.approvalReason;
  if (!reason) return null;
  return (
    <p className="mgr-line mgr-reason" data-testid="approval-reason">
      {sentence(reason)}
    </p>
  );
}

/** Where the damage was captured, and a small map (loaded only when asked for). */
function GpsFact({ repair }: { repair: ManagerRepair }) {
  const [open, setOpen] = useState(false);
  const { gps } = repair;
  if (!gps) return <p className="mgr-line muted">No GPS position: the device had no fix.</p>;
  const unit = repair.unit.unitNumber;
  return (
    <div className="mgr-line">
      <strong>GPS:</strong>{" "}
      <span data-testid="repair-gps">
        {gps.latitude.toFixed(5)}, {gps.longitude.toFixed(5)}
        {gps.accuracyM !== null && ` (±${Math.round(gps.accuracyM)} m)`}
      </span>{" "}
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? "Hide map" : "Show map"}
        <span className="sr-only"> of unit {unit}</span>
      </button>
      {open && (
        <RepairMap
          points={[{ id: repair.id, pin: 1, latitude: gps.latitude, longitude: gps.longitude, label: `Unit ${unit}` }]}
          label={`Where unit ${unit} was captured`}
        />
      )}
    </div>
  );
}
