"use client";
// Where a walk's repairs were found. Leaflet touches `window` when imported, and is the
// heaviest part of this screen: it (and its CSS) load in the browser only, once a map is shown.
import dynamic from "next/dynamic";
import type { MapPoint } from "./leaflet-map";

const LeafletMap = dynamic(() => import("./leaflet-map"), {
  ssr: false,
  loading: () => (
    <p className="mgr-map mgr-map-loading muted" role="status">
      Loading map…
    </p>
  ),
});

export function RepairMap({ points, label }: { points: MapPoint[]; label: string }) {
  if (points.length === 0) return null;
  return <LeafletMap points={points} label={label} />;
}

export type { MapPoint };
