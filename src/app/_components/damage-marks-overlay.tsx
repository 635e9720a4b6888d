"use client";
// The circles and arrows a technician drew over a damage photo, as SVG laid over the image (the
// photo's bytes are never changed). Coordinates are fractions of the photo's width and height.
import { type DamageMark, arrowHead } from "~/domain";

/** Drawn in a 1000-wide box as tall as the photo's aspect ratio (height / width) makes it. */
const WIDTH = 1000;

export function DamageMarksOverlay({
  marks,
  aspect,
  label,
}: {
  marks: readonly DamageMark[];
  aspect: number;
  label: string;
}) {
  const height = WIDTH * aspect;
  return (
    <svg
      className="damage-marks"
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {marks.map((mark, i) =>
        mark.kind === "circle" ? (
          <circle key={i} cx={mark.cx * WIDTH} cy={mark.cy * height} r={mark.r * WIDTH} />
        ) : (
          <Arrow key={i} mark={mark} height={height} />
        ),
      )}
    </svg>
  );
}

function Arrow({ mark, height }: { mark: Extract<DamageMark, { kind: "arrow" }>; height: number }) {
  const [a, b] = arrowHead(mark, WIDTH, height);
  const tip = `${mark.x2 * WIDTH},${mark.y2 * height}`;
  return (
    <g>
      <line x1={mark.x1 * WIDTH} y1={mark.y1 * height} x2={mark.x2 * WIDTH} y2={mark.y2 * height} />
      <polyline points={`${a.x},${a.y} ${tip} ${b.x},${b.y}`} />
    </g>
  );
}

/** A sentence naming the marks, for screen readers and the photo's accessible name. */
export function marksSentence(marks: readonly DamageMark[]): string {
  const circles = marks.filter((m) => m.kind === "circle").length;
  const arrows = marks.length - circles;
  const parts = [
    circles ? `${circles} circle${circles === 1 ? "" : "s"}` : "",
    arrows ? `${arrows} arrow${arrows === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return `Damage marked with ${parts.join(" and ")}`;
}
