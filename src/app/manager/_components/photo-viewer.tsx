"use client";
// A repair's photos in the app rather than a raw file in a new tab: one at a time, zoomed with
// the buttons (or a double tap), the next one with a swipe or the arrow keys, and damage and
// after photos side by side. A native modal <dialog>: focus stays inside, Escape closes it,
// and focus returns to the thumbnail that opened it.
import { useEffect, useRef, useState } from "react";

export type ViewerPhoto = { id: string; url: string; label: string; stage: string | null };

const ZOOMS = [1, 1.5, 2, 3] as const;
const SWIPE_PX = 50;

type Props = { photos: ViewerPhoto[]; start: number; title: string; onClose: () => void };

export function PhotoViewer({ photos, start, title, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [index, setIndex] = useState(start);
  const [zoom, setZoom] = useState(0);
  const [sideBySide, setSideBySide] = useState(false);
  const swipeFrom = useRef<number | null>(null);
  const before = photos.find((p) => p.stage === "DAMAGE");
  const after = photos.find((p) => p.stage === "AFTER");
  const photo = photos[index]!;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // The opener (a thumbnail) gets focus back when the viewer closes, whichever way it closes.
    const opener = document.activeElement as HTMLElement | null;
    element.showModal();
    return () => opener?.focus();
  }, []);

  const go = (step: number) => {
    setZoom(0);
    setIndex((i) => (i + step + photos.length) % photos.length);
  };

  return (
    <dialog
      ref={dialog}
      className="photo-viewer"
      aria-label={title}
      onClose={onClose}
      onKeyDown={(e) => {
        if (sideBySide) return;
        if (e.key === "ArrowRight") go(1);
        if (e.key === "ArrowLeft") go(-1);
      }}
    >
      <div className="photo-viewer-bar">
        <p className="photo-viewer-title">
          {sideBySide ? "Damage and after, side by side" : `${photo.label} (${index + 1} of ${photos.length})`}
        </p>
        {!sideBySide && (
          <>
            <button
              type="button"
              className="secondary"
              onClick={() => setZoom((z) => Math.max(0, z - 1))}
              disabled={zoom === 0}
            >
              Zoom out
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
              disabled={zoom === ZOOMS.length - 1}
            >
              Zoom in
            </button>
          </>
        )}
        {before && after && (
          <button
            type="button"
            className="secondary"
            aria-pressed={sideBySide}
            onClick={() => setSideBySide((s) => !s)}
          >
            Before and after
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {sideBySide && before && after ? (
        <div className="photo-viewer-pair">
          {[before, after].map((p) => (
            <figure key={p.id}>
              {/* eslint-disable-next-line @next/next/no-img-element -- bytes from an authenticated route */}
              <img src={p.url} alt={p.label} />
              <figcaption>{p.stage === "DAMAGE" ? "Before (damage)" : "After"}</figcaption>
            </figure>
          ))}
        </div>
      ) : (
        <div
          className="photo-viewer-stage"
          data-testid="photo-stage"
          onPointerDown={(e) => {
            swipeFrom.current = zoom === 0 ? e.clientX : null;
          }}
          onPointerUp={(e) => {
            if (swipeFrom.current === null) return;
            const dx = e.clientX - swipeFrom.current;
            swipeFrom.current = null;
            if (Math.abs(dx) >= SWIPE_PX) go(dx < 0 ? 1 : -1);
          }}
          onDoubleClick={() => setZoom((z) => (z === 0 ? 2 : 0))}
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- bytes from an authenticated route */}
          <img
            src={photo.url}
            alt={photo.label}
            draggable={false}
            style={{ transform: `scale(${ZOOMS[zoom]})` }}
            data-zoom={ZOOMS[zoom]}
          />
        </div>
      )}
      {!sideBySide && photos.length > 1 && (
        <div className="photo-viewer-nav">
          <button type="button" className="secondary" onClick={() => go(-1)}>
            Previous photo
          </button>
          <button type="button" className="secondary" onClick={() => go(1)}>
            Next photo
          </button>
        </div>
      )}
    </dialog>
  );
}
