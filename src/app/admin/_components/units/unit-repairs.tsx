"use client";
// A unit's repairs, newest first, opened from its row: when, what, where it stands, who did it,
// the price, and the technician's voice notes played in place (as on the manager's cards).
import { VoiceNotes } from "~/app/_components/voice-notes";
import { DAMAGE_LABELS, STATUS_LABELS, dateText, dateTimeText, formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";

export function UnitRepairs({ unitId, unitNumber }: { unitId: string; unitNumber: string }) {
  const repairs = api.unit.repairs.useQuery({ unitId });
  const list = repairs.data ?? [];
  return (
    <section className="admin-unit-repairs" aria-label={`Repairs of unit ${unitNumber}`}>
      <QueryState
        isLoading={repairs.isLoading}
        error={repairs.error}
        isEmpty={list.length === 0}
        empty="No repairs on this unit yet."
      >
        <ul className="admin-plain">
          {list.map((r) => {
            const cents = r.priceCents ?? r.estimateCents;
            const photos = r.attachments.filter((a) => a.kind === "PHOTO").length;
            return (
              <li key={r.id} className="admin-unit-repair" aria-label={`Repair of ${dateText(r.createdAt)}`}>
                <div className="admin-unit-facts">
                  <strong>{dateTimeText(r.capturedAt ?? r.createdAt)}</strong>
                  <span>
                    {DAMAGE_LABELS[r.damageType]}
                    {r.damagePosition ? `, ${r.damagePosition}` : ""}
                  </span>
                  <span>{STATUS_LABELS[r.status]}</span>
                  <span>{cents === null ? "no price yet" : formatCents(cents)}</span>
                  <span>{r.technician?.name ?? "not assigned"}</span>
                  <span className="muted">{photos === 1 ? "1 photo" : `${photos} photos`}</span>
                </div>
                {r.technicianNotes && <p className="muted">Technician&apos;s note: {r.technicianNotes}</p>}
                <VoiceNotes attachments={r.attachments} unitNumber={unitNumber} />
              </li>
            );
          })}
        </ul>
      </QueryState>
    </section>
  );
}
