"use client";
// A component whose code is a chunk of its own, loaded on demand or ahead of time (preload), and
// rendered the moment it is there. Not React.lazy: React throttles the reveal of a Suspense
// boundary's content (up to 300 ms after its fallback appeared), which made /walk open a third of
// a second later; here the caller shows its own placeholder until the code is in.
import { type ComponentType, useSyncExternalStore } from "react";

type State<P> = { Component: ComponentType<P> | null; failed: boolean };

export type LazyComponent<P> = {
  /** Starts loading the code (once; again after a failure). */
  preload(): Promise<void>;
  /**
   * The component once loaded (null before, and on the server); `failed` if the load failed.
   * Rendering it starts the load, unless `load` is false: then it waits for a preload elsewhere.
   */
  useLoaded(options?: { load?: boolean }): State<P>;
};

const NOT_LOADED = { Component: null, failed: false } as const;

export function lazyComponent<P>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let state: State<P> = NOT_LOADED;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const set = (next: State<P>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const preload = () =>
    (loading ??= load().then(
      (Component) => set({ Component, failed: false }),
      (error: unknown) => {
        console.error("could not load a screen", error);
        loading = null;
        set({ Component: null, failed: true });
      },
    ));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    if (!state.Component) void preload();
    return () => listeners.delete(listener);
  };
  const watch = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    preload,
    useLoaded: (options) =>
      useSyncExternalStore(
        options?.load === false ? watch : subscribe,
        () => state,
        () => NOT_LOADED,
      ),
  };
}
