"use client";
// A repair's photos as small thumbnails, loaded only when scrolled into view. A photo still on
// the technician's device (not uploaded yet) is named, not shown. Marks the technician drew over
// a damage photo are laid over it (the photo itself is as taken).
import Image from "next/image";
import { useState } from "react";
import { parseDamageMarks } from "~/domain";
import { DamageMarksOverlay, marksSentence } from "../../_components/damage-marks-overlay";
import type { ManagerRepair } from "./types";

const STAGE_LABELS: Record<string, string> = { DAMAGE: "damage", AFTER: "after" };

export function PhotoStrip({ repair }: { repair: ManagerRepair }) {
  const photos = repair.attachments.filter((a) => a.kind === "PHOTO");
  const [aspects, setAspects] = useState<Record<string, number>>({});
  if (photos.length === 0) return <p className="muted">No photos.</p>;
  return (
    <ul className="mgr-photos" aria-label={`Photos of unit ${repair.unit.unitNumber}`}>
      {photos.map((photo) => {
        const label = `${STAGE_LABELS[photo.photoStage ?? ""] ?? "other"} photo of unit ${repair.unit.unitNumber}`;
        const url = `/api/attachments/${photo.id}/content`;
        const marks = parseDamageMarks(photo.damageMarks);
        return (
          <li key={photo.id}>
            {photo.uploadedAt ? (
              <a href={url} target="_blank" rel="noreferrer" aria-label={`Open ${label}`}>
                {/* unoptimized: the bytes come from an authenticated route the image optimizer cannot call. */}
                <span className="thumb">
                  <Image
                    src={url}
                    alt={label}
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
              </a>
            ) : (
              <span className="mgr-photo-pending">{label}: not uploaded yet</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
