// Code that /walk needs only after a tap (the walk, finish and work screens) is kept for offline
// use by the service worker's precache, not by fetching it at idle time: without a worker that
// would be a second download of bytes the worker's install fetches anyway. Once a worker controls
// the page, loading it ahead costs no network (the worker answers from its cache), so a tap opens
// the screen at once.

/** Runs `task` once a service worker controls this page (at once if one does); returns how to cancel, including what `task` returned. */
export function whenServedByWorker(task: () => (() => void) | void): () => void {
  const container = typeof navigator === "undefined" ? undefined : navigator.serviceWorker;
  if (!container) return () => {};
  let cancelTask: (() => void) | null = null;
  const run = () => {
    if (container.controller && !cancelTask) cancelTask = task() ?? (() => {});
  };
  run();
  // The first install claims the page (clientsClaim in the worker): the screens load from its cache then.
  if (!cancelTask) container.addEventListener("controllerchange", run);
  return () => {
    container.removeEventListener("controllerchange", run);
    cancelTask?.();
  };
}
