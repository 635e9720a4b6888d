// An invoicing run's progress as its worker sees it, kept in memory on globalThis (the worker runs
// in the request hook's copy of the server modules, the screen's poll in Next's bundle). The run's
// row says RUNNING / DONE / FAILED for every instance; the customer count moves only here, because
// a run writes everything in one transaction whose own writes nobody sees before it commits.
import "server-only";

export type RunProgress = { customersTotal: number; customersDone: number; invoicesCreated: number };

const store = globalThis as unknown as { rsInvoiceRunProgress?: Map<string, RunProgress> };

function runs(): Map<string, RunProgress> {
  store.rsInvoiceRunProgress ??= new Map();
  return store.rsInvoiceRunProgress;
}

export const setRunProgress = (runId: string, progress: RunProgress) => runs().set(runId, progress);
export const runProgress = (runId: string): RunProgress | undefined => runs().get(runId);
export const forgetRunProgress = (runId: string) => runs().delete(runId);
