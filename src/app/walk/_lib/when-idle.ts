// Work that must not compete with showing the first screen: run it when the browser is idle.

/** Runs `task` at the next idle period (within `timeoutMs` at the latest); returns how to cancel it. */
export function whenIdle(task: () => void, timeoutMs = 2_000): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(task, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 200); // Safari: no requestIdleCallback
  return () => window.clearTimeout(id);
}
