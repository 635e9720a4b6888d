"use client";
// What a manager needs to decide on one repair: unit, customer, damage, price (and who set it),
// technician, notes, the completion checklist as confirmed, and photos. Each list adds its own
// actions below.
import type { ReactNode } from "react";
import { DAMAGE_LABELS, confirmedChecklistOf, formatCents } from "~/domain";
import { sentence } from "~/app/walk/_components/format";
import { PhotoStrip } from "./photo-strip";
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
      </dl>
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
            ✓ {c.item} <span className="muted">({new Date(c.confirmedAt).toLocaleString()})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The rule that sent a repair for approval, in the server's words. */
export function ApprovalReason({ repair }: { repair: ManagerRepair }) {
  if (!repair.approvalReason) return null;
  return (
    <p className="mgr-line mgr-reason" data-testid="approval-reason">
      {sentence(repair.approvalReason)}
    </p>
  );
}
