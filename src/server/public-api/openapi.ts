// The OpenAPI 3.1 document of /api/v1, built from the operations table (operations.ts): the same
// zod schemas that check each request and describe each answer (z.toJSONSchema), so the document
// cannot drift from what is served.
import "server-only";
import { z } from "zod";
import { API_SCOPES } from "./api-keys";
import { API_BODY_BYTES } from "./handle";
import { IDEMPOTENCY_HOURS } from "./idempotency";
import { OAUTH_TOKEN_SECONDS } from "./oauth";
import { API_OPERATIONS, type ApiOperationSpec } from "./operations";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad input: schema, unknown field or parameter, malformed JSON, altered cursor",
  401: "No valid API key or access token",
  403: "The caller lacks the scope, or the operation is not open to it",
  404: "No such record, or one the caller may not see",
  409: "The record's state does not allow it, or the same Idempotency-Key is still running",
  413: `The body is over ${API_BODY_BYTES} bytes`,
  415: "The body is not application/json",
  422: "The Idempotency-Key was used for a different request",
  429: "The caller's token bucket is empty (Retry-After, RateLimit-* headers)",
};

const problem = (status: number) => ({
  description: STATUS_TEXT[status] ?? "A refusal",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

/** A zod schema as JSON Schema draft 2020-12 (OpenAPI 3.1's dialect), without its $schema line. */
function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

/** The query parameters of a strict zod object, one per property. */
function queryParameters(schema: z.ZodObject) {
  const json = jsonSchema(schema, "input") as {
    properties: Record<string, { description?: string }>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    ...(s.description ? { description: s.description } : {}),
    schema: s,
  }));
}

const rateHeaders = Object.fromEntries(
  ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"].map((name) => [
    name,
    { schema: { type: "integer" }, description: "The caller's token bucket (IETF RateLimit fields)" },
  ]),
);

function operation(spec: ApiOperationSpec) {
  const pathParams = [...spec.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string", format: "uuid" },
  }));
  const idempotency =
    spec.method === "POST"
      ? [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            description: `A retry with the same key and body gets the first answer (kept ${IDEMPOTENCY_HOURS} h)`,
            schema: { type: "string", minLength: 1, maxLength: 255 },
          },
        ]
      : [];
  const { status, schema, pdf } = spec.success;
  const success = pdf
    ? {
        description: "The PDF",
        headers: rateHeaders,
        content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
      }
    : schema
      ? {
          description: "OK",
          headers: rateHeaders,
          content: { "application/json": { schema: jsonSchema(schema, "output") } },
        }
      : { description: "Done, no content", headers: rateHeaders };
  const statuses = [...new Set([...spec.errors, 401, 403, 429])].sort();
  return {
    operationId: spec.operationId,
    summary: `${spec.summary} (scope ${spec.scope})`,
    security: [{ bearer: [] }, { oauth: [spec.scope] }],
    parameters: [...pathParams, ...(spec.query ? queryParameters(spec.query) : []), ...idempotency],
    ...(spec.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body, "input") } } } }
      : {}),
    responses: {
      [String(status)]: success,
      ...Object.fromEntries(statuses.map((s) => [String(s), problem(s)])),
    },
  };
}

const tokenOperation = {
  post: {
    operationId: "oauthToken",
    summary: `OAuth 2.0 client credentials: a bearer token for ${OAUTH_TOKEN_SECONDS / 60} minutes`,
    security: [{ clientBasic: [] }, {}],
    requestBody: {
      required: true,
      content: {
        "application/x-www-form-urlencoded": {
          schema: {
            type: "object",
            required: ["grant_type"],
            properties: {
              grant_type: { type: "string", const: "client_credentials" },
              scope: { type: "string", description: "Space-separated; default all of the client's scopes" },
              client_id: { type: "string", description: "client_secret_post (else HTTP Basic)" },
              client_secret: { type: "string" },
            },
          },
        },
      },
    },
    responses: {
      "200": {
        description: "An access token (RFC 6749 §5.1)",
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["access_token", "token_type", "expires_in", "scope"],
              properties: {
                access_token: { type: "string" },
                token_type: { type: "string", const: "Bearer" },
                expires_in: { type: "integer" },
                scope: { type: "string" },
              },
            },
          },
        },
      },
      ...Object.fromEntries(
        ["400", "401", "429"].map((s) => [
          s,
          {
            description: "An RFC 6749 §5.2 error",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["error"],
                  properties: { error: { type: "string" }, error_description: { type: "string" } },
                },
              },
            },
          },
        ]),
      ),
    },
  },
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of Object.values(API_OPERATIONS)) {
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation(spec);
  }
  paths["/api/v1/oauth/token"] = tokenOperation;
  return {
    openapi: "3.1.0",
    info: {
      title: "RS Systems API",
      version: "1.0.0",
      description:
        "JSON API for external systems. Authenticate with an API key or an OAuth 2.0 client-credentials token " +
        "(Authorization: Bearer ...). Errors are application/problem+json (RFC 9457) with a stable `code`.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `An API key (rs_<prefix>_<secret>) or an OAuth access token. Scopes: ${API_SCOPES.join(", ")}.`,
        },
        oauth: {
          type: "oauth2",
          flows: {
            clientCredentials: {
              tokenUrl: "/api/v1/oauth/token",
              scopes: Object.fromEntries(API_SCOPES.map((s) => [s, s])),
            },
          },
        },
        clientBasic: { type: "http", scheme: "basic", description: "client_id:client_secret (client_secret_basic)" },
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
