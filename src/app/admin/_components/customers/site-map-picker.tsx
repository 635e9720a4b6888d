"use client";
// Picks a site's coordinates with a click (or a tap) on the map. Only ever loaded through
// next/dynamic (Leaflet touches `window`). No geocoding service is reachable, and tiles may not
// load (offline, blocked): the map is then a plain grid, and a click still picks a point. The
// pins are HTML, so they show without tiles too.
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { publicConfig } from "~/config/public";

export type SitePin = { id: string; name: string; latitude: number; longitude: number };

/** Denver, where the business works, when nothing is placed yet. */
const HOME: [number, number] = [39.7392, -104.9903];

export default function SiteMapPicker({
  sites,
  picked,
  onPick,
}: {
  sites: SitePin[];
  picked: { latitude: number; longitude: number } | null;
  onPick: (point: { latitude: number; longitude: number }) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const serialized = JSON.stringify(sites);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const pins = JSON.parse(serialized) as SitePin[];
    const m = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(publicConfig.mapTilesUrl, { maxZoom: 19, attribution: publicConfig.mapAttribution }).addTo(m);
    for (const site of pins) {
      L.marker([site.latitude, site.longitude], {
        icon: L.divIcon({
          className: "admin-site-pin",
          html: "<span>●</span>",
          iconSize: [24, 24],
          iconAnchor: [12, 12],
        }),
        title: site.name,
        alt: site.name,
      }).addTo(m);
    }
    if (pins.length > 0)
      m.fitBounds(L.latLngBounds(pins.map((p) => [p.latitude, p.longitude])), { maxZoom: 15, padding: [24, 24] });
    else m.setView(HOME, 11);
    m.on("click", (e: L.LeafletMouseEvent) => {
      const { lat, lng } = e.latlng.wrap();
      pick.current({ latitude: Number(lat.toFixed(6)), longitude: Number(lng.toFixed(6)) });
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, [serialized]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    marker.current?.remove();
    marker.current = null;
    if (picked) {
      marker.current = L.marker([picked.latitude, picked.longitude], {
        icon: L.divIcon({
          className: "admin-site-pin admin-site-picked",
          html: "<span>✚</span>",
          iconSize: [28, 28],
          iconAnchor: [14, 14],
        }),
        title: "Picked point",
        alt: "Picked point",
      }).addTo(m);
    }
  }, [picked]);

  return (
    <div
      ref={container}
      className="admin-site-map"
      role="region"
      aria-label="Map: click to pick the site's position"
      data-testid="site-map"
    />
  );
}
