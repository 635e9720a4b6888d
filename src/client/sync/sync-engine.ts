// One sync at a time: push the outbox, then upload attachment bytes, reporting progress.
// A run asked for while another runs is folded into one more run afterwards. While work is
// left, the next run is timed with exponential backoff. An expired session pauses everything
// (the queue stays as it is) until resume() after the user signed in again.
// Several tabs of the app each have an engine; `exclusive` (navigator.locks in the browser) lets
// only one of them run at a time, so one tab never resets entries another tab is sending.
import type { RsDb } from "../store/db";
import { deviceId } from "../store/device-id";
import { resetInterruptedSends } from "../store/outbox";
import { uploadsDue } from "../store/upload-state";
import { backoffDelayMs } from "./backoff";
import { SessionExpired, TransportFailed } from "./errors";
import { pushOutbox } from "./push-outbox";
import type { SyncTransport } from "./transport";
import { uploadAttachments } from "./upload-attachments";

export type SyncStatus = {
  phase: "idle" | "pushing" | "uploading";
  /** Records sent / total in this run. */
  records: { sent: number; total: number };
  /** Attachment bytes the server holds / total due in this run. */
  bytes: { sent: number; total: number };
  sessionExpired: boolean;
  lastRunAt: Date | null;
  lastError: { code: string; message: string } | null;
  nextRunAt: Date | null;
};

export type SyncEngineDeps = {
  db: RsDb;
  transport: SyncTransport;
  fetch: typeof fetch;
  baseUrl?: string;
  isOnline?: () => boolean;
  /** Called when a run leaves work behind (e.g. to register Background Sync). */
  onWorkLeft?: () => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => Date;
  /**
   * Runs `run` while holding the device-wide sync lock, waiting for another tab's run to end.
   * Without it the engine assumes it is the device's only writer.
   */
  exclusive?: (run: () => Promise<void>) => Promise<void>;
};

const IDLE: SyncStatus = {
  phase: "idle",
  records: { sent: 0, total: 0 },
  bytes: { sent: 0, total: 0 },
  sessionExpired: false,
  lastRunAt: null,
  lastError: null,
  nextRunAt: null,
};

export class SyncEngine {
  private state: SyncStatus = IDLE;
  private listeners = new Set<(status: SyncStatus) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: unknown = null;
  private interruptedReset = false;

  constructor(private readonly deps: SyncEngineDeps) {}

  get status(): SyncStatus {
    return this.state;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Starts a run, or folds the request into one more run after the current one. */
  sync(): Promise<void> {
    if (this.state.sessionExpired) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** After signing in again: lift the pause and send what waited. */
  resume(): Promise<void> {
    this.update({ sessionExpired: false, lastError: null });
    this.failures = 0;
    return this.sync();
  }

  /** A new capture, or the connection coming back, resets the backoff: the user expects it to go now. */
  kick(): Promise<void> {
    this.failures = 0;
    return this.sync();
  }

  stop(): void {
    this.clearTimer();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      if (this.deps.exclusive) await this.deps.exclusive(() => this.runOnce(true));
      else await this.runOnce(false);
    } while (this.again && !this.state.sessionExpired);
  }

  /** `locked`: this run holds the device-wide lock, so any entry marked sending was left by a run that died. */
  private async runOnce(locked: boolean): Promise<void> {
    const { db } = this.deps;
    this.clearTimer();
    if (this.deps.isOnline && !this.deps.isOnline()) {
      this.update({
        phase: "idle",
        lastError: {
          code: "OFFLINE",
          message: "Offline: your work is kept on this device and sent when the connection is back.",
        },
      });
      // The online event starts the next run; Background Sync covers a page closed before then.
      if ((await this.workLeft()) > 0) this.deps.onWorkLeft?.();
      return;
    }
    let progress = false;
    try {
      if (locked || !this.interruptedReset) {
        await resetInterruptedSends(db);
        this.interruptedReset = true;
      }
      this.update({ phase: "pushing", records: { sent: 0, total: 0 }, bytes: { sent: 0, total: 0 }, lastError: null });
      const pushed = await pushOutbox(db, this.deps.transport, {
        deviceId: await deviceId(db),
        onProgress: (sent, total) => this.update({ records: { sent, total } }),
      });
      this.update({ phase: "uploading" });
      const uploaded = await uploadAttachments(db, {
        fetch: this.deps.fetch,
        baseUrl: this.deps.baseUrl,
        onProgress: (sent, total) => this.update({ bytes: { sent, total } }),
      });
      progress = pushed.confirmed + pushed.rejected + uploaded.confirmed > 0;
      if (pushed.retrying + uploaded.retry > 0)
        this.update({
          lastError: { code: "RETRY", message: "Some items could not be sent yet; they will be retried." },
        });
    } catch (error) {
      if (error instanceof SessionExpired) {
        this.update({
          phase: "idle",
          sessionExpired: true,
          lastError: { code: error.code, message: error.message },
          lastRunAt: this.now(),
        });
        return;
      }
      const failure =
        error instanceof TransportFailed
          ? error
          : new TransportFailed("SERVER_ERROR", String((error as Error)?.message ?? error));
      this.update({ lastError: { code: failure.code, message: failure.message } });
    }
    this.update({ phase: "idle", lastRunAt: this.now() });
    await this.scheduleIfWorkLeft(progress);
  }

  private async scheduleIfWorkLeft(progress: boolean): Promise<void> {
    if ((await this.workLeft()) === 0) {
      this.failures = 0;
      this.update({ nextRunAt: null });
      return;
    }
    this.failures = progress ? 0 : this.failures + 1;
    const delay = backoffDelayMs(this.failures === 0 ? 0 : this.failures - 1);
    const setTimer = this.deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.timer = setTimer(() => void this.sync(), delay);
    this.update({ nextRunAt: new Date(this.now().getTime() + delay) });
    this.deps.onWorkLeft?.();
  }

  /** Pending changes plus attachments whose record is on the server but whose bytes are not. */
  private async workLeft(): Promise<number> {
    const { db } = this.deps;
    return (await db.outbox.where("state").equals("pending").count()) + (await uploadsDue(db)).length;
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    (this.deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private update(change: Partial<SyncStatus>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
