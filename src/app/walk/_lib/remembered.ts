// The last answers of home's device queries, kept in localStorage: read synchronously, so the
// first frame of /walk can draw them before Dexie has loaded. Dates are stored as
// {"$date": ISO string} and revived as Dates; nothing else is reinterpreted. Not a copy to rely
// on: the live query replaces it as soon as the device database answers.
const PREFIX = "rs-home:";

const written = new Map<string, string>();

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? { $date: original.toISOString() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const date = (value as { $date?: unknown }).$date;
    if (keys.length === 1 && typeof date === "string") return new Date(date);
  }
  return value;
}

export function encodeRemembered(value: unknown): string {
  return JSON.stringify(value, replacer);
}

export function decodeRemembered<T>(text: string): T {
  return JSON.parse(text, reviver) as T;
}

/** The last answer kept under `name`, or undefined (none, unreadable, or no storage). */
export function recall<T>(name: string): T | undefined {
  try {
    const text = localStorage.getItem(PREFIX + name);
    return text === null ? undefined : decodeRemembered<T>(text);
  } catch {
    return undefined;
  }
}

/** Keeps `value` as the last answer under `name` (written only when it changed). */
export function remember(name: string, value: unknown): void {
  try {
    const text = encodeRemembered(value);
    if (written.get(name) === text) return;
    localStorage.setItem(PREFIX + name, text);
    written.set(name, text);
  } catch {
    // Storage full or refused (private mode): the next first screen waits for the database.
  }
}
