import { afterEach, describe, expect, it, vi } from "vitest";
import { whenServedByWorker } from "./when-served-by-worker";

/** A navigator.serviceWorker stand-in: a controller that can arrive later, with its event. */
function workerContainer(controlled: boolean) {
  const container = Object.assign(new EventTarget(), { controller: controlled ? {} : null });
  vi.stubGlobal("navigator", { serviceWorker: container });
  return {
    claim() {
      container.controller = {};
      container.dispatchEvent(new Event("controllerchange"));
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("whenServedByWorker", () => {
  it("runs at once when a worker controls the page", () => {
    workerContainer(true);
    const task = vi.fn();
    whenServedByWorker(task);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("waits for a worker to claim the page, then runs once", () => {
    const worker = workerContainer(false);
    const task = vi.fn();
    whenServedByWorker(task);
    expect(task).not.toHaveBeenCalled();
    worker.claim();
    worker.claim();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("never runs once cancelled, and cancels what the task started", () => {
    const worker = workerContainer(false);
    const task = vi.fn();
    whenServedByWorker(task)();
    worker.claim();
    expect(task).not.toHaveBeenCalled();

    const stop = vi.fn();
    const cancel = whenServedByWorker(() => stop);
    cancel();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("does nothing without service workers", () => {
    vi.stubGlobal("navigator", {});
    const task = vi.fn();
    whenServedByWorker(task);
    expect(task).not.toHaveBeenCalled();
  });
});
