"use client";
// Ending a walk: the summary of units and prices, the site contact's name and signature.
// What is shown here is exactly what is stored and sent as the signed summary.
import { useCallback, useEffect, useRef, useState } from "react";
import { damageLabel, formatCents } from "~/domain";
import type { SignatureField as Field } from "~/client/capture/signature";
import { AttachmentRefused } from "~/client/store/captured-file";
import { rsDb } from "~/client/store/db";
import { FinishRefused, finishWalk } from "~/client/store/finish-walk";
import { walkSummary } from "~/client/store/walk-summary";
import { kickSync } from "../_lib/lazy-device-sync";
import { useLiveQuery } from "../_hooks/use-live-query";
import { useGps } from "./gps-status";
import { SignatureField } from "./signature-field";

export function FinishScreen({ walkId, onDone, onBack }: { walkId: string; onDone: () => void; onBack: () => void }) {
  const summary = useLiveQuery(() => walkSummary(rsDb(), walkId), `summary-${walkId}`);
  const field = useRef<Field | null>(null);
  const onReady = useCallback((f: Field | null) => void (field.current = f), []);
  const [contact, setContact] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { gps } = useGps();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function confirm() {
    if (!summary) return;
    setError(null);
    if (!field.current || field.current.isEmpty()) return setError("Ask the site contact to sign in the box.");
    setSaving(true);
    try {
      await finishWalk(rsDb(), {
        walkId,
        siteContactName: contact,
        signedSummary: summary,
        signature: await field.current.toFile(),
        gps: gps?.ok ? gps.fix : undefined,
      });
      kickSync();
      onDone();
    } catch (e) {
      setError(
        e instanceof FinishRefused || e instanceof AttachmentRefused ? e.message : `Not saved: ${(e as Error).message}`,
      );
      setSaving(false);
    }
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        End walk
      </h1>
      {!summary ? (
        <p className="muted">Loading the summary…</p>
      ) : (
        <table aria-label="Walk summary" className="card">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Damage</th>
              <th scope="col">Estimate</th>
            </tr>
          </thead>
          <tbody>
            {summary.units.flatMap((unit) =>
              unit.repairs.map((r, i) => (
                <tr key={r.id}>
                  <td>{i === 0 ? unit.unitNumber : ""}</td>
                  <td>{damageLabel(r.damageType)}</td>
                  <td>{formatCents(r.estimateCents)}</td>
                </tr>
              )),
            )}
            {summary.units.length === 0 && (
              <tr>
                <td colSpan={3}>No repairs on this walk.</td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td>
                <strong>{formatCents(summary.totalCents)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      <label htmlFor="site-contact">Site contact name</label>
      <input id="site-contact" autoComplete="name" value={contact} onChange={(e) => setContact(e.target.value)} />
      <SignatureField onReady={onReady} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void confirm()} disabled={saving || !summary || !contact.trim()}>
          {saving ? "Saving…" : "Confirm and finish walk"}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          Back to the walk
        </button>
      </div>
    </>
  );
}
