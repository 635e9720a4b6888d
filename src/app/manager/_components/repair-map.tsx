"use client";
// Where a walk's repairs were found. Leaflet touches `window` when imported, and is the
// heaviest part of this screen: it (and its CSS) load in the browser only, once the map's place
// is scrolled near the screen. Until then a box of the map's own size holds its place, so
// nothing below moves when it arrives.
import dynamic from "next/dynamic";
import { useNearView } from "../../_components/use-near-view";
import type { MapPoint } from "./leaflet-map";

const LeafletMap = dynamic(() => import("./leaflet-map"), {
  ssr: false,
  loading: () => <MapPlaceholder />,
});

function MapPlaceholder() {
  return (
    <p className="mgr-map mgr-map-loading muted" role="status">
      Loading map…
    </p>
  );
}

export function RepairMap({ points, label }: { points: MapPoint[]; label: string }) {
  const [place, near] = useNearView<HTMLDivElement>();
  if (points.length === 0) return null;
  if (near) return <LeafletMap points={points} label={label} />;
  return <div ref={place} className="mgr-map mgr-map-loading" aria-hidden="true" />;
}

export type { MapPoint };
