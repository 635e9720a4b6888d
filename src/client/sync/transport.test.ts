import { describe, expect, it } from "vitest";
import { TrpcCallError } from "../rpc/trpc";
import { SessionExpired, TransportFailed } from "./errors";
import { transportError } from "./transport";

const trpcError = (code: string, httpStatus: number) => new TrpcCallError(code, { code, httpStatus });

describe("transportError", () => {
  it("an expired session pauses sync; anything else leaves the batch pending", () => {
    expect(transportError(trpcError("UNAUTHORIZED", 401))).toBeInstanceOf(SessionExpired);
    expect(transportError(trpcError("INTERNAL_SERVER_ERROR", 500))).toMatchObject({ code: "SERVER_ERROR" });
    expect(transportError(trpcError("FORBIDDEN", 403))).toMatchObject({ code: "FORBIDDEN" });
    expect(transportError(new TypeError("Failed to fetch"))).toBeInstanceOf(TransportFailed);
  });
});
