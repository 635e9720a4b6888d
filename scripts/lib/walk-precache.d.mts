// Types for walk-precache.mjs (plain Node for the build; typed for its test).
export function walkScreens(nextDir: string): { html: string; route: string }[];
export function walkPrecacheFiles(nextDir: string): { files: string[]; lazy: string[] };
