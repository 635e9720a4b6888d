"use client";
// API keys and OAuth clients for the public REST API: make one with its scopes (the secret is
// shown once, here), see them with their prefix and last use, revoke one. Used by admins and a
// customer's primary contact.
import { useState } from "react";
import { dateTimeText } from "~/domain";
import { API_SCOPES, type ApiScope } from "~/domain/api-scopes";
import { api } from "~/trpc/react";

const SCOPES = API_SCOPES;
type Scope = ApiScope;

export function ApiKeysPanel() {
  const utils = api.useUtils();
  const keys = api.apiKeys.list.useQuery();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["repairs:read"]);
  const [secret, setSecret] = useState<string | null>(null);
  const create = api.apiKeys.create.useMutation({
    onSuccess: async (key) => {
      setSecret(key.token);
      setName("");
      await utils.apiKeys.list.invalidate();
    },
  });
  const revoke = api.apiKeys.revoke.useMutation({ onSuccess: () => utils.apiKeys.list.invalidate() });
  const toggle = (scope: Scope) =>
    setScopes((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));
  return (
    <div>
      <h2>API keys</h2>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, scopes });
        }}
      >
        <label htmlFor="api-key-name">Key name</label>
        <input id="api-key-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map((scope) => (
            <label key={scope}>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={create.isPending || scopes.length === 0}>
          Create key
        </button>
        {create.error && <p role="alert">{create.error.message}</p>}
      </form>
      {secret && (
        <section className="card" aria-labelledby="api-key-secret-heading">
          <h3 id="api-key-secret-heading">Copy this key now: it is not shown again</h3>
          <output data-testid="api-key-secret">{secret}</output>{" "}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>
            Copy
          </button>
        </section>
      )}
      <section className="card" aria-labelledby="api-key-list-heading">
        <h3 id="api-key-list-heading">Keys</h3>
        {keys.isLoading && <p>Loading…</p>}
        {keys.error && <p role="alert">{keys.error.message}</p>}
        {keys.data?.length === 0 && <p>No keys yet.</p>}
        <ul>
          {keys.data?.map((key) => (
            <li key={key.id}>
              <strong>{key.name}</strong> rs_{key.prefix}_… · {key.scopes.join(", ")} · last used{" "}
              {key.lastUsedAt ? dateTimeText(key.lastUsedAt) : "never"}
              {key.revokedAt ? (
                " · revoked"
              ) : (
                <button type="button" onClick={() => revoke.mutate({ id: key.id })} aria-label={`Revoke ${key.name}`}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <OAuthClientsPanel />
      <p>
        Reference: <a href="/api/docs">API documentation</a> (<a href="/api/v1/openapi.json">OpenAPI document</a>).
      </p>
    </div>
  );
}

/** OAuth 2.0 clients: a client_id and secret an external system trades for short-lived tokens. */
function OAuthClientsPanel() {
  const utils = api.useUtils();
  const clients = api.apiKeys.clients.useQuery();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["repairs:read"]);
  const [issued, setIssued] = useState<{ clientId: string; clientSecret: string } | null>(null);
  const create = api.apiKeys.createClient.useMutation({
    onSuccess: async (client) => {
      setIssued({ clientId: client.clientId, clientSecret: client.clientSecret });
      setName("");
      await utils.apiKeys.clients.invalidate();
    },
  });
  const revoke = api.apiKeys.revokeClient.useMutation({ onSuccess: () => utils.apiKeys.clients.invalidate() });
  const toggle = (scope: Scope) =>
    setScopes((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));
  return (
    <>
      <h2>OAuth clients</h2>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, scopes });
        }}
      >
        <p>
          Client credentials for <code>POST /api/v1/oauth/token</code>: the system gets bearer tokens that last 15
          minutes.
        </p>
        <label htmlFor="oauth-client-name">Client name</label>
        <input id="oauth-client-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        <fieldset>
          <legend>Client scopes</legend>
          {SCOPES.map((scope) => (
            <label key={scope}>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={create.isPending || scopes.length === 0}>
          Create client
        </button>
        {create.error && <p role="alert">{create.error.message}</p>}
      </form>
      {issued && (
        <section className="card" aria-labelledby="oauth-secret-heading">
          <h3 id="oauth-secret-heading">Copy the client secret now: it is not shown again</h3>
          <p>
            Client ID: <output data-testid="oauth-client-id">{issued.clientId}</output>
          </p>
          <p>
            Client secret: <output data-testid="oauth-client-secret">{issued.clientSecret}</output>{" "}
            <button type="button" onClick={() => void navigator.clipboard?.writeText(issued.clientSecret)}>
              Copy
            </button>
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="oauth-client-list-heading">
        <h3 id="oauth-client-list-heading">Clients</h3>
        {clients.isLoading && <p>Loading…</p>}
        {clients.error && <p role="alert">{clients.error.message}</p>}
        {clients.data?.length === 0 && <p>No OAuth clients yet.</p>}
        <ul>
          {clients.data?.map((client) => (
            <li key={client.id}>
              <strong>{client.name}</strong> {client.clientId} · {client.scopes.join(", ")} · last token{" "}
              {client.lastUsedAt ? dateTimeText(client.lastUsedAt) : "never"}
              {client.revokedAt ? (
                " · revoked"
              ) : (
                <button
                  type="button"
                  onClick={() => revoke.mutate({ id: client.id })}
                  aria-label={`Revoke client ${client.name}`}
                >
                  Revoke client
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
