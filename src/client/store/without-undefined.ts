/** Drops undefined fields: payloads are stored and sent as they are, and absent reads clearer than undefined. */
export function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
