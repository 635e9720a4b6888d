// What a public API key or OAuth client may be allowed to do: the server checks them, the key
// screens offer them, the OpenAPI document lists them.
export const API_SCOPES = [
  "repairs:read",
  "repairs:write",
  "units:read",
  "units:write",
  "customers:read",
  "analytics:read",
  "invoices:read",
  "webhooks:write",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];
