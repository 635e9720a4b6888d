import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { REFUSALS, type RefusalCode, type TrpcErrorCode } from "~/domain";
import { createQueryClient } from "./query-client";

// An error as the tRPC client builds it from the server's answer (src/server/api/trpc.ts errorFormatter).
function answered(code: TrpcErrorCode | "BAD_GATEWAY", httpStatus: number, message: string, domainCode?: RefusalCode) {
  return TRPCClientError.from({
    error: { code: -32000, message, data: { code, httpStatus, domainCode: domainCode ?? null, fieldErrors: null } },
  } as never);
}

// The policy the screens get, through the query client they use.
const retry = createQueryClient().getDefaultOptions().queries!.retry as (count: number, error: unknown) => boolean;

describe("retrying a failed query", () => {
  it("does not ask again after the app's own 403, whatever its message says", () => {
    expect(retry(0, answered("FORBIDDEN", 403, "This is not available to a technician."))).toBe(false);
    expect(retry(0, answered("FORBIDDEN", 403, "A manager may approve up to $150.00.", "OVER_APPROVAL_LIMIT"))).toBe(
      false,
    );
  });

  it("does not ask again after a refusal: signed out, not found, bad input, a broken rule", () => {
    expect(retry(0, answered("UNAUTHORIZED", 401, "Please sign in again."))).toBe(false);
    expect(retry(0, answered("NOT_FOUND", 404, "Repair was not found.", "NOT_FOUND"))).toBe(false);
    expect(retry(0, answered("BAD_REQUEST", 400, "Invalid input"))).toBe(false);
    expect(retry(0, answered("CONFLICT", 409, "A completed repair cannot be approved.", "NO_SUCH_TRANSITION"))).toBe(
      false,
    );
    for (const code of Object.keys(REFUSALS) as RefusalCode[]) {
      const kind = REFUSALS[code];
      expect(retry(0, answered(kind.trpc, kind.status, "Refused.", code)), code).toBe(kind.status >= 500);
    }
  });

  it("asks again, twice, after a server error or no answer", () => {
    const serverError = answered("INTERNAL_SERVER_ERROR", 500, "The server could not handle this now.");
    expect([0, 1, 2].map((count) => retry(count, serverError))).toEqual([true, true, false]);
    expect(retry(0, answered("BAD_GATEWAY", 502, "Bad gateway"))).toBe(true);
    expect(retry(0, TRPCClientError.from(new TypeError("Failed to fetch")))).toBe(true);
    expect(retry(1, new Error("Unexpected token < in JSON"))).toBe(true);
  });
});
