"use client";
// A repair's photos as small thumbnails, loaded only when scrolled into view. A photo still on
// the technician's device (not uploaded yet) is named, not shown.
import Image from "next/image";
import type { ManagerRepair } from "./types";

const STAGE_LABELS: Record<string, string> = { DAMAGE: "damage", AFTER: "after" };

export function PhotoStrip({ repair }: { repair: ManagerRepair }) {
  const photos = repair.attachments.filter((a) => a.kind === "PHOTO");
  if (photos.length === 0) return <p className="muted">No photos.</p>;
  return (
    <ul className="mgr-photos" aria-label={`Photos of unit ${repair.unit.unitNumber}`}>
      {photos.map((photo) => {
        const label = `${STAGE_LABELS[photo.photoStage ?? ""] ?? "other"} photo of unit ${repair.unit.unitNumber}`;
        const url = `/api/attachments/${photo.id}/content`;
        return (
          <li key={photo.id}>
            {photo.uploadedAt ? (
              <a href={url} target="_blank" rel="noreferrer" aria-label={`Open ${label}`}>
                {/* unoptimized: the bytes come from an authenticated route the image optimizer cannot call. */}
                <Image src={url} alt={label} width={96} height={96} loading="lazy" unoptimized />
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
