"use client";
// The day's route on a map, only ever loaded through next/dynamic (route-map.tsx). Numbered pins
// are HTML and the route a vector line, so both show when tiles cannot load (offline, blocked).
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { publicConfig } from "~/config/public";

export type RouteMapStop = { position: number; latitude: number; longitude: number; label: string };
export type RouteMapStart = { latitude: number; longitude: number; label: string } | null;

export default function RouteLeaflet({ start, stops }: { start: RouteMapStart; stops: RouteMapStop[] }) {
  const container = useRef<HTMLDivElement>(null);
  const serialized = JSON.stringify({ start, stops });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const route = JSON.parse(serialized) as { start: RouteMapStart; stops: RouteMapStop[] };
    const map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(publicConfig.mapTilesUrl, { maxZoom: 19, attribution: publicConfig.mapAttribution }).addTo(map);
    const pin = (text: string, extra = "") =>
      L.divIcon({
        className: `mgr-map-pin ${extra}`,
        html: `<span>${text}</span>`,
        iconSize: [48, 48],
        iconAnchor: [24, 24],
      });
    const line: L.LatLngTuple[] = [];
    if (route.start) {
      const at: L.LatLngTuple = [route.start.latitude, route.start.longitude];
      L.marker(at, { icon: pin("S", "route-start"), title: route.start.label, alt: route.start.label }).addTo(map);
      line.push(at);
    }
    for (const stop of route.stops) {
      const at: L.LatLngTuple = [stop.latitude, stop.longitude];
      L.marker(at, { icon: pin(String(stop.position)), title: stop.label, alt: stop.label }).addTo(map);
      line.push(at);
    }
    if (line.length > 1) L.polyline(line, { color: "#1f5fa8", weight: 4, className: "route-line" }).addTo(map);
    map.fitBounds(L.latLngBounds(line), { padding: [24, 24], maxZoom: 15 });
    return () => {
      map.remove();
    };
  }, [serialized]);

  return (
    <div ref={container} className="mgr-map route-map" role="region" aria-label="Route map" data-testid="route-map" />
  );
}
