// How a request hands an invoicing run to the job queue. The queue runs in the request hook's copy
// of the server modules and tRPC in Next's bundle; both are one process, so the queue leaves its
// sender on globalThis (like queue-state.ts). Kept apart from billing-jobs.ts so the routes do not
// load pg-boss.
import "server-only";

export type InvoiceRunJob = { runId: string; customerId: string | null; userId: string | null };
type Sender = (job: InvoiceRunJob) => Promise<string | null>;

const store = globalThis as unknown as { rsSendInvoiceRun?: Sender };

export function setInvoiceRunSender(sender: Sender | undefined): void {
  store.rsSendInvoiceRun = sender;
}

/** false when this process runs no queue: the caller runs the work itself. */
export async function sendInvoiceRun(job: InvoiceRunJob): Promise<boolean> {
  if (!store.rsSendInvoiceRun) return false;
  return (await store.rsSendInvoiceRun(job)) !== null;
}
