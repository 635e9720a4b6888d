// A mark the technician draws over a damage photo: a circle round the break or an arrow pointing
// at it. Kept apart from the photo (the evidence stays as taken), in coordinates normalized to the
// photo's width and height (0 to 1), so it lands on the same spot at any display size.

export const MAX_DAMAGE_MARKS = 8;

export type DamageMark =
  | { kind: "circle"; cx: number; cy: number; r: number }
  | { kind: "arrow"; x1: number; y1: number; x2: number; y2: number };

const unit = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1;

/** The marks if `value` is a list of valid ones (at most MAX_DAMAGE_MARKS), else null. */
export function parseDamageMarks(value: unknown): DamageMark[] | null {
  if (!Array.isArray(value) || value.length > MAX_DAMAGE_MARKS) return null;
  const marks: DamageMark[] = [];
  for (const item of value as unknown[]) {
    const m = item as Record<string, unknown> | null;
    if (m?.kind === "circle" && unit(m.cx) && unit(m.cy) && unit(m.r) && m.r > 0)
      marks.push({ kind: "circle", cx: m.cx, cy: m.cy, r: m.r });
    else if (m?.kind === "arrow" && unit(m.x1) && unit(m.y1) && unit(m.x2) && unit(m.y2))
      marks.push({ kind: "arrow", x1: m.x1, y1: m.y1, x2: m.x2, y2: m.y2 });
    else return null;
  }
  return marks;
}

/** A drag on the photo, from (x1, y1) to (x2, y2), both normalized: the mark it draws. */
export function markFromDrag(
  kind: DamageMark["kind"],
  from: { x: number; y: number },
  to: { x: number; y: number },
  aspect: number,
): DamageMark | null {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const [x1, y1, x2, y2] = [clamp(from.x), clamp(from.y), clamp(to.x), clamp(to.y)];
  // The radius in units of the photo's width; `aspect` (height / width) turns vertical drags into it.
  const length = Math.hypot(x2 - x1, (y2 - y1) * aspect);
  if (length < 0.01) return null; // a tap, not a drag
  return kind === "circle" ? { kind, cx: x1, cy: y1, r: Math.min(1, length) } : { kind, x1, y1, x2, y2 };
}

/** The two ends of an arrow's head (normalized coordinates, drawn on a width × height image). */
export function arrowHead(mark: Extract<DamageMark, { kind: "arrow" }>, width: number, height: number) {
  const dx = (mark.x2 - mark.x1) * width;
  const dy = (mark.y2 - mark.y1) * height;
  const angle = Math.atan2(dy, dx);
  const size = Math.max(12, Math.min(width, height) * 0.05);
  const end = (turn: number) => ({
    x: mark.x2 * width - size * Math.cos(angle + turn),
    y: mark.y2 * height - size * Math.sin(angle + turn),
  });
  return [end(Math.PI / 7), end(-Math.PI / 7)] as const;
}
