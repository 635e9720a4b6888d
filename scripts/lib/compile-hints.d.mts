// Types for compile-hints.mjs (plain Node for the build; typed for its test).
export const COMPILE_HINT: string;
export const MIN_HINTED_BYTES: number;
export function addCompileHints(nextDir: string, html?: string): string[];
