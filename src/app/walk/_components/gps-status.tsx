"use client";
// The position recorded with a repair or a walk end: asked for once when the form opens, with
// a retry; a denial or no fix is shown and never blocks saving.
import { useCallback, useEffect, useState } from "react";
import { type GpsResult, currentPosition } from "~/client/capture/gps";

export function useGps(): { gps: GpsResult | null; locating: boolean; locate: () => void } {
  const [gps, setGps] = useState<GpsResult | null>(null);
  const [locating, setLocating] = useState(false);
  const locate = useCallback(() => {
    setLocating(true);
    void currentPosition().then((result) => {
      setGps(result);
      setLocating(false);
    });
  }, []);
  useEffect(locate, [locate]);
  return { gps, locating, locate };
}

export function GpsStatus({ gps, locating, locate }: ReturnType<typeof useGps>) {
  return (
    <div className="field row">
      <p role="status" className={gps && !gps.ok ? "notice" : "muted"}>
        {locating
          ? "Getting location…"
          : !gps
            ? "No location yet."
            : gps.ok
              ? `Location ${gps.fix.latitude.toFixed(5)}, ${gps.fix.longitude.toFixed(5)} (±${Math.round(gps.fix.accuracyM)} m)`
              : gps.message}
      </p>
      <button type="button" className="secondary" onClick={locate} disabled={locating}>
        Update location
      </button>
    </div>
  );
}
