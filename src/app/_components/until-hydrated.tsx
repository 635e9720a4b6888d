"use client";
// An office screen's controls, disabled in the server's HTML until the screen has hydrated (see
// use-hydrated.ts): nothing can be typed or ticked in the moment where React would throw it away.
// `display: contents` (globals.css): the fieldset changes no layout.
import type { ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

export function UntilHydrated({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset className="until-hydrated" disabled={!hydrated}>
      {children}
    </fieldset>
  );
}
