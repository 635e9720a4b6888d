// Work that must not compete with showing the first screen: run it once the page has loaded
// (its load event: a chunk fetched before it would delay it) and the browser is idle.

/** Runs `task` at the first idle period after the load event (within `timeoutMs` of it at the latest); returns how to cancel it. */
export function whenIdle(task: () => void, timeoutMs = 2_000): () => void {
  let cancelIdle: (() => void) | undefined;
  const schedule = () => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(task, { timeout: timeoutMs });
      cancelIdle = () => window.cancelIdleCallback(id);
    } else {
      const id = window.setTimeout(task, 200); // Safari: no requestIdleCallback
      cancelIdle = () => window.clearTimeout(id);
    }
  };
  if (document.readyState === "complete") {
    schedule();
    return () => cancelIdle?.();
  }
  window.addEventListener("load", schedule, { once: true });
  return () => {
    window.removeEventListener("load", schedule);
    cancelIdle?.();
  };
}
