// The screen's side of scanning: one worker for the page, requests answered in order by id.
// Nothing here runs before the first tap on Scan (the module is loaded by import() then).
import { SCAN_WORKER_URL, type ScanRequest, type ScanResponse, type ScannedCode } from "./scan-protocol";

type Pending = { resolve: (r: ScanResponse) => void };
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function scanWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(SCAN_WORKER_URL);
  created.onmessage = (event: MessageEvent<ScanResponse>) => {
    pending.get(event.data.id)?.resolve(event.data);
    pending.delete(event.data.id);
  };
  created.onerror = () => {
    for (const [id, p] of pending) p.resolve({ id, ok: false, error: "the scanner could not start" });
    pending.clear();
    worker = null;
  };
  worker = created;
  return created;
}

type Request = ScanRequest extends infer R ? (R extends ScanRequest ? Omit<R, "id"> : never) : never;

function ask(request: Request, transfer: Transferable[] = [], timeoutMs = 20_000): Promise<ScanResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({ id, ok: false, error: "the scanner took too long" });
    }, timeoutMs);
    pending.set(id, {
      resolve: (r) => {
        clearTimeout(timer);
        resolve(r);
      },
    });
    scanWorker().postMessage({ ...request, id }, transfer);
  });
}

/** Loads the decoder (and so puts it in the service worker's cache for offline use). */
export function warmScanner(): Promise<ScanResponse> {
  return ask({ kind: "warm" }, [], 60_000);
}

export type DecodeResult = { ok: true; codes: ScannedCode[]; ms: number } | { ok: false; error: string };

/** Every code in a still photo (scaled down in the worker first). */
export async function decodeStill(image: Blob): Promise<DecodeResult> {
  const answer = await ask({ kind: "decode", image });
  return answer.ok ? { ok: true, codes: answer.codes, ms: answer.ms } : { ok: false, error: answer.error };
}

/** Every code in one camera frame (the bitmap is handed to the worker, not copied). */
export async function decodeFrame(frame: ImageBitmap): Promise<DecodeResult> {
  const answer = await ask({ kind: "decode", image: frame }, [frame], 10_000);
  return answer.ok ? { ok: true, codes: answer.codes, ms: answer.ms } : { ok: false, error: answer.error };
}
