"use client";
// The map itself, only ever loaded through next/dynamic (see repair-map.tsx). Markers are
// numbered pins drawn in HTML (no marker images to resolve), so they show even when tiles
// cannot load (offline, blocked): the map then is a grid with the pins in place.
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { publicConfig } from "~/config/public";

export type MapPoint = { id: string; pin: number; latitude: number; longitude: number; label: string };

export default function LeafletMap({ points, label }: { points: MapPoint[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  // The points as a value: a refetch with the same positions keeps the map as it is.
  const serialized = JSON.stringify(points);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const pins = JSON.parse(serialized) as MapPoint[];
    // No scroll-wheel zoom: the page scrolls past the map on a tablet without getting stuck in it.
    const map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(publicConfig.mapTilesUrl, { maxZoom: 19, attribution: publicConfig.mapAttribution }).addTo(map);
    for (const p of pins) {
      const icon = L.divIcon({
        className: "mgr-map-pin",
        html: `<span>${p.pin}</span>`,
        iconSize: [48, 48],
        iconAnchor: [24, 24],
      });
      const showCard = () => {
        const card = document.getElementById(`repair-${p.id}`);
        card?.scrollIntoView({ behavior: "smooth", block: "center" });
        card?.focus({ preventScroll: true });
      };
      // A marker is a button (tab stop): a tap or Enter leads to its repair's card.
      L.marker([p.latitude, p.longitude], { icon, title: p.label, alt: p.label, keyboard: true })
        .addTo(map)
        .on("click", showCard)
        .on("keypress", (e) => {
          if ((e as L.LeafletKeyboardEvent).originalEvent.key === "Enter") showCard();
        });
    }
    const bounds = L.latLngBounds(pins.map((p) => [p.latitude, p.longitude]));
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18 });
    return () => {
      map.remove();
    };
  }, [serialized]);

  return <div ref={container} className="mgr-map" role="region" aria-label={label} data-testid="repair-map" />;
}
