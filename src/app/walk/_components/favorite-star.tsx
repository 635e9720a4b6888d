"use client";
// The favorite star on the phone's customer list (on home: it imports no Dexie, the device store
// loads when the star is tapped).
import { useState } from "react";
import { quickActions } from "~/client/quick-actions/quick-actions-api";
import { loadDeviceStore } from "../_lib/lazy-device-store";
import { useOnline } from "../_hooks/use-online";

const OFFLINE = "Needs a connection";

/**
 * The star on a customer in the phone's customer list: favorites are listed first on every
 * device (kept on the server; this device's prepared copy is updated at once so the order holds
 * offline until the next prepare).
 */
export function FavoriteStar({ customer }: { customer: { id: string; name: string; favorite?: boolean } }) {
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const favorite = customer.favorite ?? false;
  const text = favorite ? `★ Favorite: ${customer.name}` : `☆ Add ${customer.name} to favorites`;
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-pressed={favorite}
        disabled={!online || busy}
        aria-label={online ? text : `${text} — ${OFFLINE}`}
        onClick={async () => {
          setBusy(true);
          setProblem(null);
          const result = await quickActions.setFavorite(customer.id, !favorite);
          if (result.ok) await (await loadDeviceStore()).setCustomerFavorite(customer.id, !favorite);
          else setProblem(result.message);
          setBusy(false);
        }}
      >
        {text}
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
