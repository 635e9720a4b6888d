// Points on the Earth and the distance between them: no road network is reachable, so distances
// are great-circle (haversine) kilometres. Used by smart assignment and the driving order.

export type GeoPoint = { latitude: number; longitude: number };

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two points, in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isGeoPoint(point: { latitude: number | null; longitude: number | null }): point is GeoPoint {
  const { latitude, longitude } = point;
  return (
    latitude !== null &&
    longitude !== null &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  );
}

/** A position and when the device took it. */
export type GeoFix = GeoPoint & { at: Date };

/**
 * The newest of the fixes a device reported, its time bounded by `now` (device clocks run
 * ahead sometimes): where the technician was last seen, for smart assignment's distance.
 */
export function latestFix(
  fixes: ReadonlyArray<{ latitude?: number | null; longitude?: number | null; at?: Date | null }>,
  now: Date,
): GeoFix | null {
  let latest: GeoFix | null = null;
  for (const { latitude = null, longitude = null, at = null } of fixes) {
    const point = { latitude, longitude };
    if (!at || !isGeoPoint(point)) continue;
    const bounded = at > now ? now : at;
    if (!latest || bounded > latest.at) latest = { ...point, at: bounded };
  }
  return latest;
}
