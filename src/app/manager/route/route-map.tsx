"use client";
// Leaflet touches `window` when imported and is the heaviest part of the screen: it loads in the
// browser only, once there is a route to draw.
import dynamic from "next/dynamic";
import type { RouteMapStart, RouteMapStop } from "./route-leaflet";

const RouteLeaflet = dynamic(() => import("./route-leaflet"), {
  ssr: false,
  loading: () => (
    <p className="mgr-map mgr-map-loading muted" role="status">
      Loading map…
    </p>
  ),
});

export function RouteMap({ start, stops }: { start: RouteMapStart; stops: RouteMapStop[] }) {
  if (stops.length === 0) return null;
  return <RouteLeaflet start={start} stops={stops} />;
}
