// A part of a server-rendered screen that React hydrates in a pass of its own. Without boundaries a
// screen is hydrated, committed and its effects run as one unit; a Suspense boundary lets React do
// each part separately and yield between them, so a tablet or phone answers a tap sooner. Nothing
// here suspends: the fallback is never shown, the server's HTML stays until the part is hydrated.
import { type ReactNode, Suspense } from "react";

export function HydrationSlice({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
