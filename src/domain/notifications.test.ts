import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "./events";
import { audiencesOf, notificationTitle } from "./notifications";

describe("who is told", () => {
  it("a repair waiting for approval concerns the customer and the office; an assignment its technician", () => {
    expect(audiencesOf("APPROVAL_REQUIRED")).toEqual(["customer", "office"]);
    expect(audiencesOf("REPAIR_ASSIGNED")).toEqual(["technician"]);
    expect(audiencesOf("REPAIR_APPROVED")).toEqual(["office"]);
    expect(audiencesOf("REPAIR_CREATED")).toEqual([]);
    expect(audiencesOf("SOMETHING_NEW")).toEqual([]);
  });

  it("every event type has words, counted for a walk's many repairs", () => {
    for (const type of EVENT_TYPES)
      for (const audience of audiencesOf(type))
        expect(notificationTitle(type, 1, audience)).not.toBe("Something changed");
    expect(notificationTitle("APPROVAL_REQUIRED", 1, "customer")).toBe("A repair needs your approval");
    expect(notificationTitle("APPROVAL_REQUIRED", 3, "customer")).toBe("3 repairs need your approval");
    expect(notificationTitle("APPROVAL_REQUIRED", 3, "office")).toBe("3 repairs wait for approval");
    expect(notificationTitle("REPAIR_APPROVED", 2, "office")).toBe("2 repairs were approved");
  });
});
