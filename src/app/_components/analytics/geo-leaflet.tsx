"use client";
// The geographic heat map: a circle per 0.01° cell of capture GPS, its colour and size by the
// share of the busiest cell. Only loaded through next/dynamic (charts.tsx), like /manager's map.
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { publicConfig } from "~/config/public";

export type GeoPoint = { latitude: number; longitude: number; repairs: number };

export default function GeoLeaflet({ cells, label }: { cells: GeoPoint[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const serialized = JSON.stringify(cells);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const points = JSON.parse(serialized) as GeoPoint[];
    const map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(publicConfig.mapTilesUrl, { maxZoom: 19, attribution: publicConfig.mapAttribution }).addTo(map);
    const most = Math.max(...points.map((p) => p.repairs));
    for (const p of points) {
      const share = p.repairs / most;
      // Cell centre: the stored corner plus half a cell.
      L.circleMarker([p.latitude + 0.005, p.longitude + 0.005], {
        radius: 6 + 14 * Math.sqrt(share),
        color: share > 0.66 ? "#b91c1c" : share > 0.33 ? "#ea580c" : "#ca8a04",
        fillOpacity: 0.25 + 0.5 * share,
        weight: 1,
      })
        .bindTooltip(`${p.repairs} repair${p.repairs === 1 ? "" : "s"}`)
        .addTo(map);
    }
    map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as [number, number])).pad(0.1), {
      maxZoom: 15,
    });
    return () => {
      map.remove();
    };
  }, [serialized]);

  return <div ref={container} className="an-map" role="region" aria-label={label} data-testid="geo-map" />;
}
