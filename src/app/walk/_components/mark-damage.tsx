"use client";
// Mark the damage on a photo with a finger: a drag draws a circle round where it started, or an
// arrow along it. The marks are kept beside the photo (which stays as taken) and travel with it.
import { type PointerEvent, useRef, useState } from "react";
import { type DamageMark, MAX_DAMAGE_MARKS, markFromDrag } from "~/domain";
import { DamageMarksOverlay, marksSentence } from "../../_components/damage-marks-overlay";

type Point = { x: number; y: number };

export function MarkDamage({
  url,
  label,
  initial,
  onDone,
}: {
  url: string;
  label: string;
  initial: readonly DamageMark[];
  onDone: (marks: DamageMark[] | null) => void;
}) {
  const [marks, setMarks] = useState<DamageMark[]>([...initial]);
  const [tool, setTool] = useState<DamageMark["kind"]>("circle");
  const [aspect, setAspect] = useState(0.75);
  const [drag, setDrag] = useState<{ from: Point; to: Point } | null>(null);
  const area = useRef<HTMLDivElement>(null);

  const pointOf = (event: PointerEvent): Point => {
    const box = area.current!.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  };
  const preview = drag ? markFromDrag(tool, drag.from, drag.to, aspect) : null;
  const full = marks.length >= MAX_DAMAGE_MARKS;

  return (
    <div className="card mark-damage" role="group" aria-labelledby="mark-title">
      <h3 id="mark-title">Mark the damage on {label}</h3>
      <p className="muted">
        Drag on the photo: a {tool === "circle" ? "circle round where you start" : "arrow pointing where you stop"}.
      </p>
      <div className="row" role="radiogroup" aria-label="Mark with">
        {(["circle", "arrow"] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            role="radio"
            aria-checked={tool === kind}
            className={tool === kind ? "" : "secondary"}
            onClick={() => setTool(kind)}
          >
            {kind === "circle" ? "Circle" : "Arrow"}
          </button>
        ))}
      </div>
      <div
        ref={area}
        className="mark-area"
        data-testid="mark-area"
        style={{ touchAction: "none" }}
        onPointerDown={(e) => {
          if (full) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const p = pointOf(e);
          setDrag({ from: p, to: p });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, to: pointOf(e) })}
        onPointerUp={(e) => {
          if (!drag) return;
          const mark = markFromDrag(tool, drag.from, pointOf(e), aspect);
          setDrag(null);
          if (mark) setMarks((all) => [...all, mark]);
        }}
        onPointerCancel={() => setDrag(null)}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL: next/image cannot optimise it */}
        <img
          src={url}
          alt={label}
          draggable={false}
          onLoad={(e) => setAspect(e.currentTarget.naturalHeight / e.currentTarget.naturalWidth || 0.75)}
        />
        <DamageMarksOverlay
          marks={preview ? [...marks, preview] : marks}
          aspect={aspect}
          label={marks.length ? marksSentence(marks) : "No marks yet"}
        />
      </div>
      <p role="status" className="muted">
        {full
          ? `At most ${MAX_DAMAGE_MARKS} marks.`
          : `${marks.length} mark${marks.length === 1 ? "" : "s"}${marks.length ? `: ${marksSentence(marks).toLowerCase()}` : ""}.`}
      </p>
      <div className="row">
        <button type="button" onClick={() => onDone(marks.length ? marks : null)}>
          Done marking
        </button>
        <button
          type="button"
          className="secondary"
          disabled={marks.length === 0}
          onClick={() => setMarks((all) => all.slice(0, -1))}
        >
          Undo last mark
        </button>
        <button type="button" className="secondary" onClick={() => onDone([...initial])}>
          Cancel
        </button>
      </div>
    </div>
  );
}
