"use client";
// A repair's photos as small thumbnails, loaded only when scrolled into view; a tap opens them
// in the in-app viewer. A photo still on the technician's device (not uploaded yet) is named,
// not shown. Marks the technician drew over a damage photo are laid over it (the photo itself is
// as taken).
import Image from "next/image";
import { useState } from "react";
import { parseDamageMarks } from "~/domain";
import { DamageMarksOverlay, marksSentence } from "../../_components/damage-marks-overlay";
import { PhotoViewer, type ViewerPhoto } from "./photo-viewer";
import type { ManagerRepair } from "./types";

const STAGE_LABELS: Record<string, string> = { DAMAGE: "damage", AFTER: "after" };

export function PhotoStrip({ repair }: { repair: ManagerRepair }) {
  const [open, setOpen] = useState<number | null>(null);
  const [aspects, setAspects] = useState<Record<string, number>>({});
  const unit = repair.unit.unitNumber;
  const photos = repair.attachments.filter((a) => a.kind === "PHOTO");
  if (photos.length === 0) return <p className="muted">No photos.</p>;
  const label = (stage: string | null) => `${STAGE_LABELS[stage ?? ""] ?? "other"} photo of unit ${unit}`;
  const uploaded: ViewerPhoto[] = photos
    .filter((p) => p.uploadedAt)
    .map((p) => ({
      id: p.id,
      url: `/api/attachments/${p.id}/content`,
      label: label(p.photoStage),
      stage: p.photoStage,
    }));
  return (
    <>
      <ul className="mgr-photos" aria-label={`Photos of unit ${unit}`}>
        {photos.map((photo) => {
          const shown = uploaded.findIndex((p) => p.id === photo.id);
          const marks = parseDamageMarks(photo.damageMarks);
          return (
            <li key={photo.id}>
              {shown >= 0 ? (
                <button type="button" className="mgr-photo-open" onClick={() => setOpen(shown)}>
                  <span className="thumb">
                    {/* unoptimized: the bytes come from an authenticated route the image optimizer cannot call. */}
                    <Image
                      src={uploaded[shown]!.url}
                      alt={`Open ${label(photo.photoStage)}`}
                      width={96}
                      height={96}
                      loading="lazy"
                      unoptimized
                      onLoad={(e) => {
                        const { naturalWidth, naturalHeight } = e.currentTarget;
                        if (naturalWidth) setAspects((all) => ({ ...all, [photo.id]: naturalHeight / naturalWidth }));
                      }}
                    />
                    {marks?.length ? (
                      <DamageMarksOverlay marks={marks} aspect={aspects[photo.id] ?? 1} label={marksSentence(marks)} />
                    ) : null}
                  </span>
                </button>
              ) : (
                <span className="mgr-photo-pending">{label(photo.photoStage)}: not uploaded yet</span>
              )}
            </li>
          );
        })}
      </ul>
      {open !== null && (
        <PhotoViewer photos={uploaded} start={open} title={`Photos of unit ${unit}`} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
