"use client";
// Webhook subscriptions: add one (URL, events; an admin may also choose a customer), its signing
// secret shown once; per webhook: send a test, switch off or on, rotate the secret, delete, and
// its delivery log (status codes, errors, durations) with a replay button. Used by admins (the
// Webhooks tab) and a customer's primary contact (/portal/webhooks).
import { type ReactNode, useState } from "react";
import { dateTimeText } from "~/domain";
import { api } from "~/trpc/react";

const EVENTS = [
  "repair.created",
  "repair.assigned",
  "repair.completed",
  "invoice.generated",
  "payment.received",
] as const;
type EventName = (typeof EVENTS)[number];

type CustomerField = (value: string | null, onChange: (customerId: string | null) => void) => ReactNode;

export function WebhooksPanel({ customerField }: { customerField?: CustomerField }) {
  const utils = api.useUtils();
  const hooks = api.webhooks.list.useQuery();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<EventName[]>(["repair.completed"]);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const create = api.webhooks.create.useMutation({
    onSuccess: async (answer) => {
      setSecret({ url: answer.webhook.url, secret: answer.secret });
      setUrl("");
      await utils.webhooks.list.invalidate();
    },
  });
  const toggle = (name: EventName) =>
    setEvents((now) => (now.includes(name) ? now.filter((e) => e !== name) : [...now, name]));
  return (
    <div>
      <h2>Webhooks</h2>
      <p>
        Each change you choose is sent as a signed POST of JSON to your URL within seconds (headers RS-Event,
        RS-Delivery, RS-Signature), and retried for 24 hours if your server does not answer 2xx.
      </p>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ url, events, customerId });
        }}
      >
        <label htmlFor="webhook-url">Receiver URL</label>
        <input
          id="webhook-url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/rs-webhooks"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          required
          maxLength={2000}
        />
        <fieldset>
          <legend>Events</legend>
          {EVENTS.map((name) => (
            <label key={name}>
              <input type="checkbox" checked={events.includes(name)} onChange={() => toggle(name)} /> {name}
            </label>
          ))}
        </fieldset>
        {customerField?.(customerId, setCustomerId)}
        <button type="submit" disabled={create.isPending || events.length === 0}>
          {create.isPending ? "Adding…" : "Add webhook"}
        </button>
        {create.error && <p role="alert">{create.error.message}</p>}
      </form>
      {secret && <SecretOnce url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} />}
      <section className="card" aria-labelledby="webhook-list-heading">
        <h3 id="webhook-list-heading">Your webhooks</h3>
        {hooks.isLoading && <p>Loading…</p>}
        {hooks.error && <p role="alert">{hooks.error.message}</p>}
        {hooks.data?.length === 0 && <p>No webhooks yet. Add one above to receive changes as they happen.</p>}
        <ul className="webhook-list">
          {hooks.data?.map((hook) => (
            <li key={hook.id} data-testid="webhook">
              <WebhookRow
                hook={hook}
                logOpen={open === hook.id}
                onToggleLog={() => setOpen((now) => (now === hook.id ? null : hook.id))}
                onSecret={(s) => setSecret({ url: hook.url, secret: s })}
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function SecretOnce({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  return (
    <section className="card" aria-labelledby="webhook-secret-heading">
      <h3 id="webhook-secret-heading">Copy the signing secret now: it is not shown again</h3>
      <p>For {url}</p>
      <output data-testid="webhook-secret">{secret}</output>{" "}
      <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>
        Copy
      </button>{" "}
      <button type="button" onClick={onDone}>
        Done
      </button>
    </section>
  );
}

type Hook = {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  customerName: string | null;
  disabledReason: string | null;
  consecutiveFailures: number;
};

function WebhookRow({
  hook,
  logOpen,
  onToggleLog,
  onSecret,
}: {
  hook: Hook;
  logOpen: boolean;
  onToggleLog: () => void;
  onSecret: (secret: string) => void;
}) {
  const utils = api.useUtils();
  const refresh = async () => {
    await utils.webhooks.list.invalidate();
    await utils.webhooks.deliveries.invalidate({ id: hook.id });
  };
  const ping = api.webhooks.ping.useMutation({ onSettled: refresh });
  const setEnabled = api.webhooks.setEnabled.useMutation({ onSuccess: refresh });
  const rotate = api.webhooks.rotateSecret.useMutation({ onSuccess: (answer) => onSecret(answer.secret) });
  const remove = api.webhooks.delete.useMutation({ onSuccess: refresh });
  const error = ping.error ?? setEnabled.error ?? rotate.error ?? remove.error;
  return (
    <article aria-label={`Webhook ${hook.url}`}>
      <p>
        <strong>{hook.url}</strong> · {hook.customerName ?? "business-wide"} · {hook.events.join(", ")} ·{" "}
        {hook.enabled ? "on" : `off${hook.disabledReason ? ` (${hook.disabledReason})` : ""}`}
        {hook.enabled && hook.consecutiveFailures > 0 && ` · ${hook.consecutiveFailures} failures in a row`}
      </p>
      <div className="webhook-actions">
        <button type="button" onClick={() => ping.mutate({ id: hook.id })} disabled={!hook.enabled || ping.isPending}>
          {ping.isPending ? "Sending test…" : "Send test"}
        </button>
        <button type="button" onClick={() => setEnabled.mutate({ id: hook.id, enabled: !hook.enabled })}>
          {hook.enabled ? "Switch off" : "Switch on"}
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm("A new secret replaces the current one at once. Continue?"))
              rotate.mutate({ id: hook.id });
          }}
        >
          Rotate secret
        </button>
        <button type="button" aria-expanded={logOpen} onClick={onToggleLog}>
          Delivery log
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(`Delete the webhook to ${hook.url} and its delivery log?`))
              remove.mutate({ id: hook.id });
          }}
        >
          Delete
        </button>
      </div>
      {ping.data && (
        <p role="status">
          Test: {ping.data.statusCode ? `HTTP ${ping.data.statusCode}` : (ping.data.error ?? ping.data.status)} in{" "}
          {ping.data.durationMs} ms
        </p>
      )}
      {error && <p role="alert">{error.message}</p>}
      {logOpen && <DeliveryLog id={hook.id} />}
    </article>
  );
}

function DeliveryLog({ id }: { id: string }) {
  const utils = api.useUtils();
  const log = api.webhooks.deliveries.useInfiniteQuery(
    { id, limit: 20 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const replay = api.webhooks.replay.useMutation({ onSettled: () => utils.webhooks.deliveries.invalidate({ id }) });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-label="Delivery log">
      {log.isLoading && <p>Loading…</p>}
      {log.error && <p role="alert">{log.error.message}</p>}
      {!log.isLoading && !log.error && rows.length === 0 && <p>Nothing sent yet.</p>}
      {rows.length > 0 && (
        <table className="webhook-log">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Answer</th>
              <th scope="col">Time</th>
              <th scope="col">Tries</th>
              <th scope="col">Created</th>
              <th scope="col">Delivery id</th>
              <th scope="col">Replay</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery">
                <td>{d.eventName}</td>
                <td>{d.status.toLowerCase()}</td>
                <td>{d.lastStatusCode ?? d.lastError ?? "-"}</td>
                <td>{d.lastDurationMs === null ? "-" : `${d.lastDurationMs} ms`}</td>
                <td>{d.attempts}</td>
                <td>{dateTimeText(d.createdAt)}</td>
                <td>
                  <code>{d.id}</code>
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => replay.mutate({ deliveryId: d.id })}
                    disabled={replay.isPending}
                    aria-label={`Replay ${d.eventName} ${d.id}`}
                  >
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {replay.data && (
        <p role="status">
          Replayed:{" "}
          {replay.data.statusCode ? `HTTP ${replay.data.statusCode}` : (replay.data.error ?? replay.data.status)}
        </p>
      )}
      {replay.error && <p role="alert">{replay.error.message}</p>}
      {log.hasNextPage && (
        <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          Show older deliveries
        </button>
      )}
    </section>
  );
}
