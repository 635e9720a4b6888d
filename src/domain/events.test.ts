import { describe, expect, it } from "vitest";
import { EVENT_TYPES, eventGroupKey, eventsOfNewRepair, eventsOfStatusChange, webhookEventName } from "./events";

describe("events", () => {
  it("a new repair is always announced as created, then by what it became", () => {
    expect(eventsOfStatusChange(null, "PENDING_APPROVAL")).toEqual(["REPAIR_CREATED", "APPROVAL_REQUIRED"]);
    expect(eventsOfStatusChange(null, "REQUESTED")).toEqual(["REPAIR_CREATED", "REPAIR_REQUESTED"]);
    expect(eventsOfStatusChange(null, "COMPLETED")).toEqual(["REPAIR_CREATED", "REPAIR_COMPLETED"]);
  });

  it("a customer's request is told as a request, whatever status it starts in", () => {
    expect(eventsOfNewRepair("APPROVED", true)).toEqual(["REPAIR_CREATED", "REPAIR_REQUESTED"]);
    expect(eventsOfNewRepair("APPROVED", false)).toEqual(["REPAIR_CREATED", "REPAIR_APPROVED"]);
  });

  it("a change to the same status says nothing, but a reassignment tells the new technician", () => {
    expect(eventsOfStatusChange("APPROVED", "APPROVED")).toEqual([]);
    expect(eventsOfStatusChange("ASSIGNED", "ASSIGNED")).toEqual([]);
    expect(eventsOfStatusChange("ASSIGNED", "ASSIGNED", true)).toEqual(["REPAIR_ASSIGNED"]);
  });

  it("invoicing and closing are announced by billing (per invoice), not per repair", () => {
    expect(eventsOfStatusChange("COMPLETED", "INVOICED")).toEqual([]);
    expect(eventsOfStatusChange("INVOICED", "CLOSED")).toEqual([]);
  });

  it("a walk's repairs share one key per event type, so they make one message", () => {
    const a = eventGroupKey({ type: "APPROVAL_REQUIRED", repairId: "r1", walkId: "w1" });
    const b = eventGroupKey({ type: "APPROVAL_REQUIRED", repairId: "r2", walkId: "w1" });
    expect(a).toBe(b);
    expect(eventGroupKey({ type: "APPROVAL_REQUIRED", repairId: "r1" })).not.toBe(
      eventGroupKey({ type: "APPROVAL_REQUIRED", repairId: "r2" }),
    );
    expect(eventGroupKey({ type: "REPAIR_COMPLETED", walkId: "w1" })).not.toBe(a);
  });

  it("only the documented webhook events reach webhooks", () => {
    const named = EVENT_TYPES.map(webhookEventName).filter(Boolean);
    expect(named.sort()).toEqual(
      ["invoice.generated", "payment.received", "repair.assigned", "repair.completed", "repair.created"].sort(),
    );
  });
});
