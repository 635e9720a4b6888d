import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { REFUSALS, type RefusalCode } from "~/domain";
import { refusalResponse } from "../http/refusal-response";
import { InvalidRequest } from "../errors";

describe("the refusal table", () => {
  it.each(Object.entries(REFUSALS))("gives %s one status, over tRPC as over the HTTP routes", (code, kind) => {
    expect(getHTTPStatusCodeFromError(new TRPCError({ code: kind.trpc }))).toBe(kind.status);
    if (code !== "SERVER_ERROR")
      expect(refusalResponse(new InvalidRequest(code as RefusalCode, "no"), "test").status).toBe(kind.status);
  });
});
