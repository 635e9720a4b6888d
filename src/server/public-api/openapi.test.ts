import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists the repairs query parameters from the zod schema, limit capped at 100", () => {
    const doc = openApiDocument();
    const params = (doc.paths["/api/v1/repairs"]!.get as { parameters: { name: string; schema: unknown }[] })
      .parameters;
    expect(params.map((p) => p.name).sort()).toEqual(["cursor", "customer", "limit", "status", "unit"]);
    expect(params.find((p) => p.name === "limit")?.schema).toMatchObject({ maximum: 100 });
  });
});
