import type { ReactNode } from "react";
import { UpdatePrompt } from "../_components/update-prompt";

// The technician's screens: the only place the service worker is registered (see
// src/client/pwa/register-service-worker.ts). Stays a static shell so /walk is prerendered.
export default function WalkLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <UpdatePrompt />
    </>
  );
}
