"use client";
// The customer's units, each with its repairs on every windshield it has had (current first)
// and their photos, with the circles and arrows the technician drew over the damage. A page of
// units at a time, searchable by unit number, VIN or model. The list is far down the portal and
// its histories are heavy (90 KB for a page of the demo's units): it is asked for once scrolled
// near, and a unit's history is drawn once opened.
import { useDeferredValue, useState } from "react";
import { DamageMarksOverlay, marksSentence } from "~/app/_components/damage-marks-overlay";
import { PhotoPairs } from "~/app/_components/photo-pairs";
import { WarrantyClaim } from "~/app/_components/warranty-claim";
import { DAMAGE_LABELS, STATUS_LABELS, dateText, formatCents, parseDamageMarks } from "~/domain";
import { type RouterOutputs, api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { useNearView } from "../../_components/use-near-view";

type FleetUnit = RouterOutputs["portal"]["units"]["items"][number];

export function FleetHistory() {
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const [place, near] = useNearView<HTMLDivElement>("400px");
  const units = api.portal.units.useInfiniteQuery(
    { search: deferred || undefined, limit: 25 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, enabled: near },
  );
  // Not "empty" before it was asked for: not yet scrolled near, or offline before it ever loaded.
  const notAsked = units.isPending && units.fetchStatus === "idle";
  const unfetched = units.isPending && units.fetchStatus === "paused";
  const list = units.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="card" ref={place}>
      <h2>Units</h2>
      <label htmlFor="fleet-search">Find a unit</label>
      <input
        id="fleet-search"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Unit number, VIN or model"
      />
      <QueryState
        isLoading={units.isPending && units.fetchStatus === "fetching"}
        error={units.error}
        isEmpty={list.length === 0}
        empty={
          notAsked
            ? "Your units are listed here as you scroll to them."
            : unfetched
              ? "The units list needs a connection: it was not loaded before going offline."
              : deferred
                ? `No unit matches “${deferred}”.`
                : "No units are on file for your fleet yet."
        }
      >
        {list.map((u) => (
          <UnitHistory key={u.id} unit={u} />
        ))}
        {units.hasNextPage && (
          <p>
            <button
              type="button"
              className="secondary"
              disabled={units.isFetchingNextPage}
              onClick={() => void units.fetchNextPage()}
            >
              {units.isFetchingNextPage ? "Loading…" : "Show more units"}
            </button>
          </p>
        )}
      </QueryState>
    </div>
  );
}

function UnitHistory({ unit }: { unit: FleetUnit }) {
  const repairs = unit.windshields.reduce((n, w) => n + w.repairs.length, 0);
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary style={{ minHeight: 44, padding: "0.5rem 0", cursor: "pointer" }}>
        <strong>{unit.unitNumber}</strong> {unit.make ? `${unit.make} ${unit.model ?? ""}` : ""} ·{" "}
        {repairs ? `${repairs} repairs` : "no repairs"}
      </summary>
      {open &&
        unit.windshields.map((w) => (
          <section key={w.seq} aria-label={`Windshield ${w.seq}${w.current ? " (current)" : ""}`}>
            {unit.windshields.length > 1 && (
              <h3 style={{ fontSize: "1rem" }}>
                {w.current ? "Current windshield" : `Windshield #${w.seq} (replaced)`}
              </h3>
            )}
            {w.repairs.length === 0 ? (
              <p className="muted">No repairs on this windshield.</p>
            ) : (
              <table>
                <tbody>
                  {w.repairs.map((r) => (
                    <tr key={r.id}>
                      <td>{dateText(r.completedAt ?? r.createdAt)}</td>
                      <td>{DAMAGE_LABELS[r.damageType]}</td>
                      <td>{STATUS_LABELS[r.status]}</td>
                      <td>{formatCents(r.priceCents ?? r.estimateCents ?? 0)}</td>
                      <td>
                        {["COMPLETED", "INVOICED", "CLOSED"].includes(r.status) && (
                          <>
                            <WarrantyClaim
                              repairId={r.id}
                              what={`the ${DAMAGE_LABELS[r.damageType].toLowerCase()} repair of unit ${unit.unitNumber}`}
                            />
                            <PhotoPairs
                              repairId={r.id}
                              what={`the ${DAMAGE_LABELS[r.damageType].toLowerCase()} repair of unit ${unit.unitNumber}`}
                            />
                          </>
                        )}
                      </td>
                      <td>
                        {r.attachments
                          .filter((a) => a.kind === "PHOTO" && a.uploadedAt)
                          .map((a) => (
                            <MarkedPhoto
                              key={a.id}
                              id={a.id}
                              damageMarks={a.damageMarks}
                              alt={`${a.photoStage === "AFTER" ? "After" : "Damage"} photo of unit ${unit.unitNumber}`}
                            />
                          ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
    </details>
  );
}

const THUMB_WIDTH = 72;

/** A photo at its own proportions (so the marks, in fractions of it, land on the damage). */
function MarkedPhoto({ id, alt, damageMarks }: { id: string; alt: string; damageMarks: unknown }) {
  const [aspect, setAspect] = useState(0.75);
  const marks = parseDamageMarks(damageMarks);
  return (
    <span className="thumb" style={{ marginRight: 4 }}>
      {/* eslint-disable-next-line @next/next/no-img-element -- private, session-checked bytes; next/image would proxy them */}
      <img
        src={`/api/attachments/${id}/content`}
        alt={alt}
        loading="lazy"
        width={THUMB_WIDTH}
        height={Math.round(THUMB_WIDTH * aspect)}
        style={{ borderRadius: 6 }}
        onLoad={(e) => {
          const { naturalWidth, naturalHeight } = e.currentTarget;
          if (naturalWidth) setAspect(naturalHeight / naturalWidth);
        }}
      />
      {marks?.length ? <DamageMarksOverlay marks={marks} aspect={aspect} label={marksSentence(marks)} /> : null}
    </span>
  );
}
