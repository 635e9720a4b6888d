// The settings the browser sees. Next copies a NEXT_PUBLIC_* variable into the browser bundle at
// build time only where `process.env.NEXT_PUBLIC_…` is written out in full, so each is read here
// by name. No zod: this module is in every screen's bundle. The values are validated, with the
// server's settings, when the server starts (src/server/config.ts); the README lists them all.

export const PUBLIC_DEFAULTS = {
  NEXT_PUBLIC_MAP_TILES_URL: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  NEXT_PUBLIC_MAP_ATTRIBUTION:
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
} as const;

export const publicConfig = {
  /** Tile images of the manager's map, a {z}/{x}/{y} template. */
  mapTilesUrl: process.env.NEXT_PUBLIC_MAP_TILES_URL || PUBLIC_DEFAULTS.NEXT_PUBLIC_MAP_TILES_URL,
  /** The credit line the tile provider asks for (HTML). */
  mapAttribution: process.env.NEXT_PUBLIC_MAP_ATTRIBUTION || PUBLIC_DEFAULTS.NEXT_PUBLIC_MAP_ATTRIBUTION,
  /** A production build: the service worker is registered only then. */
  production: process.env.NODE_ENV === "production",
  development: process.env.NODE_ENV === "development",
};
