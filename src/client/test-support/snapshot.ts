// A prepared snapshot like sync.prepare returns: one customer with default pricing and
// auto-approval up to $50 with a photo, one scheduled walk, and two known units.
import { DEFAULT_PRICING_RULES } from "~/domain";
import type { CapturedPhoto } from "../store/captured-file";
import type { PrepareSnapshot } from "../sync/contract";

export const CUSTOMER_ID = "0a6f5d3c-1111-4a8e-9d41-000000000001";
export const WALK_ID = "0a6f5d3c-2222-4a8e-9d41-000000000002";

export function snapshot(overrides: Partial<PrepareSnapshot> = {}): PrepareSnapshot {
  return {
    preparedAt: new Date("2026-03-02T08:00:00Z"),
    technician: { id: "tech-1", name: "Taylor Tech" },
    walks: [
      {
        id: WALK_ID,
        customerId: CUSTOMER_ID,
        status: "SCHEDULED",
        scheduledFor: new Date("2026-03-02T07:30:00Z"),
        scheduledTime: "07:30",
        site: { name: "Airport rental lot", latitude: 39.8467, longitude: -104.6745 },
        startedAt: null,
      },
    ],
    customers: [
      {
        id: CUSTOMER_ID,
        name: "Summit Car Rentals",
        favorite: false,
        completionChecklist: [],
        address: "1200 Airport Blvd",
        settingsVersion: 1,
        approval: { autoApproveLotRepairs: true, maxAutoApproveCents: 5000, requirePhotoForApproval: true },
        pricing: DEFAULT_PRICING_RULES,
        completedThisMonth: 3,
      },
    ],
    units: [
      {
        id: "unit-1",
        customerId: CUSTOMER_ID,
        unitNumber: "SR-001",
        make: "Toyota",
        model: "Camry",
        windshieldSeq: 1,
        completedOnWindshield: 0,
        openRepairs: 0,
        history: [],
      },
      {
        id: "unit-2",
        customerId: CUSTOMER_ID,
        unitNumber: "SR-002",
        make: "Ford",
        model: "Escape",
        windshieldSeq: 1,
        completedOnWindshield: 2,
        openRepairs: 1,
        history: [],
      },
    ],
    myWork: [],
    openWork: [],
    templates: [],
    today: {
      day: "2026-03-02",
      startTime: "08:00",
      startKind: "base",
      stops: [
        {
          kind: "walk",
          id: WALK_ID,
          position: 1,
          customerId: CUSTOMER_ID,
          customerName: "Summit Car Rentals",
          siteName: "Airport lot",
          address: "1200 Airport Blvd",
          latitude: 39.8561,
          longitude: -104.6737,
          legKm: 24.3,
          eta: "08:36",
          plannedTime: "09:00",
          waitMinutes: 24,
          lateByMinutes: 0,
          serviceMinutes: 60,
          status: "SCHEDULED",
          unitNumber: "",
        },
      ],
      unlocated: [],
      totalKm: 24.3,
    },
    ...overrides,
  };
}

export function photo(stage: CapturedPhoto["stage"] = "DAMAGE", bytes = 2048): CapturedPhoto {
  const data = new Uint8Array(bytes).map((_, i) => (i * 31) % 251);
  return { blob: new Blob([data], { type: "image/jpeg" }), mimeType: "image/jpeg", sha256: "a".repeat(64), stage };
}
