// A part of a server-rendered screen that React hydrates in a pass of its own. Without boundaries a
// screen is hydrated, committed and its effects run as one unit; a Suspense boundary lets React do
// each part separately and yield between them, so a tablet or phone answers a tap sooner. Nothing
// here suspends: the fallback is never shown, the server's HTML stays until the part is hydrated.
//
// The slice re-renders only when its part's props change (a memo on the element). A parent that
// re-renders while a part is still dehydrated (a poll's answer, the live status) would otherwise
// hand the boundary new props, and React may then drop the server HTML and draw the part anew:
// the page jumps. Pass stable props.
//
// Not on /manager: its queue, in a slice, was drawn empty first and filled ~2 s later (a layout
// shift of 0.28 on a phone-sized screen at a 4x slower CPU); the portal's sections showed none.
import { type ReactElement, Suspense, memo } from "react";

/** Same component, key and (shallowly) props: what the part would draw is unchanged. */
export function sameElement(a: ReactElement, b: ReactElement): boolean {
  if (a === b) return true;
  if (a.type !== b.type || a.key !== b.key) return false;
  const before = a.props as Record<string, unknown>;
  const after = b.props as Record<string, unknown>;
  const keys = Object.keys(after);
  return keys.length === Object.keys(before).length && keys.every((key) => Object.is(before[key], after[key]));
}

export const HydrationSlice = memo(
  function HydrationSlice({ children }: { children: ReactElement }) {
    return <Suspense fallback={null}>{children}</Suspense>;
  },
  (before, after) => sameElement(before.children, after.children),
);
