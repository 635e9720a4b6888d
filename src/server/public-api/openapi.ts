// The OpenAPI 3.1 document of /api/v1, built from the same zod schemas that check the requests
// (z.toJSONSchema), so the document cannot drift from what is enforced.
import "server-only";
import { z } from "zod";
import { API_SCOPES } from "./api-keys";
import { listRepairsQuery } from "./repairs";

const problem = {
  description: "An application/problem+json answer (RFC 9457) with the app's refusal code.",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

/** The query parameters of a strict zod object, one per property. */
function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "RS Systems API", version: "1.0.0" },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/repairs": {
        get: {
          operationId: "listRepairs",
          summary: "Repairs the key's owner may see, newest first (scope repairs:read)",
          parameters: queryParameters(listRepairsQuery),
          responses: {
            "200": {
              description: "A page of repairs; nextCursor is null on the last page.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["items", "nextCursor"],
                    properties: {
                      items: { type: "array", items: { type: "object" } },
                      nextCursor: { type: ["string", "null"] },
                    },
                  },
                },
              },
            },
            "400": problem,
            "401": problem,
            "403": problem,
            "429": problem,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `An API key (rs_<prefix>_<secret>). Scopes: ${API_SCOPES.join(", ")}.`,
        },
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail", "instance", "code"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            instance: { type: "string" },
            code: { type: "string" },
            issues: {
              type: "array",
              items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
            },
          },
        },
      },
    },
  };
}
