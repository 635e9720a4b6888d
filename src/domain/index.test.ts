import { describe, expect, it } from "vitest";
import * as domain from "./index";

describe("public API", () => {
  it("exposes the business rules through one entry point", () => {
    for (const name of [
      "dollarsToCents",
      "formatCents",
      "dateTimeText",
      "groupedInteger",
      "percentOfCents",
      "sumCents",
      "assertCents",
      "tierOrdinal",
      "tierPrice",
      "priceRepair",
      "overriddenQuote",
      "estimateJob",
      "monthKey",
      "freezeQuote",
      "repriceIfNotFrozen",
      "autoApprovalFor",
      "transition",
      "checkTransition",
      "allowedActions",
      "decide",
      "assertAllowed",
      "authorizeTransition",
      "actorKind",
    ] as const) {
      expect(typeof domain[name]).toBe("function");
    }
    expect(domain.STATUS_LABELS.CLOSED).toBe("Closed (paid)");
    expect(new domain.TransitionRefused("NO_SUCH_TRANSITION", "NO_SUCH_TRANSITION", "x")).toBeInstanceOf(
      domain.DomainError,
    );
    expect(new domain.PermissionDenied("FORBIDDEN", "audit.view", "x")).toBeInstanceOf(domain.DomainError);
  });
});
