"use client";
// Whether this component has hydrated: false in the server's HTML and during hydration, true after.
// A form drawn by the server can be typed into before React owns it, and hydration then puts the
// controlled fields back to their initial state: what was typed is lost. Forms disable their fields
// until this is true, so nothing can be typed that would be thrown away.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
