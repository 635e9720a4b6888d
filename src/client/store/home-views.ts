// What /walk's home screen draws, in the small shapes its queries (home-queries.ts) answer. The
// first screen draws these from the last answers remembered on the device before Dexie has
// loaded, so this module imports nothing that runs (no Dexie): types and the empty device's
// answers only. A change of shape bumps the view's version in HOME_VIEWS.
import type { QueueStats } from "./queue-stats";
import type { PreparedDay, PreparedWalk } from "../sync/contract";
import type { LocalWalk, SyncError, SyncState } from "./db";

/** The queue status bar and the refused list: the queue counts, with the refused repairs' unit numbers. */
export type QueueView = QueueStats & { unitNumbers: Record<string, string> };

/** The walk list: prepared walks still to start, walks started or finished on this device. */
export type WalkListView = {
  /** Favorites first (the technician's stars, kept with the prepared data). */
  customers: { id: string; name: string; favorite: boolean }[];
  prepared: Pick<PreparedWalk, "id" | "customerId" | "scheduledFor" | "status">[];
  local: (Pick<LocalWalk, "id" | "customerId" | "status" | "startedAt" | "siteContactName"> & {
    finishSync?: SyncState;
    error?: SyncError;
  })[];
};

/** The offline-data panel: what the last prepare stored (null before the first one). */
export type OfflineDataView = {
  walks: number;
  customers: number;
  units: number;
  priceListVersions: number[];
  preparedAt: Date;
} | null;

/** Today's stops in driving order, as prepared (null before the first prepare). */
export type TodayView = {
  day: string;
  startTime: string;
  totalKm: number;
  stops: Pick<
    PreparedDay["stops"][number],
    | "kind"
    | "id"
    | "position"
    | "customerName"
    | "siteName"
    | "address"
    | "legKm"
    | "eta"
    | "plannedTime"
    | "lateByMinutes"
    | "unitNumber"
  >[];
  unlocated: Pick<PreparedDay["unlocated"][number], "kind" | "id" | "customerName" | "unitNumber">[];
} | null;

/** Each remembered view's storage name; the version changes with the view's shape. */
export const HOME_VIEWS = {
  queue: "queue@1",
  walkList: "walk-list@2",
  offlineData: "offline-data@1",
  today: "today@1",
} as const;

/** The answers on a device whose database does not exist yet (first visit). */
export const EMPTY_QUEUE: QueueView = {
  unsynced: 0,
  pendingChanges: 0,
  pendingUploads: 0,
  oldestAt: null,
  rejected: [],
  unitNumbers: {},
};
export const EMPTY_WALK_LIST: WalkListView = { customers: [], prepared: [], local: [] };
export const EMPTY_OFFLINE_DATA: OfflineDataView = null;
export const EMPTY_TODAY: TodayView = null;
