"use client";
// The signed-in person's notification settings, the same on /walk, /manager, /admin and /portal:
// per event, which channels reach them (email, text message, push); each channel at once or as a
// summary; quiet hours that hold text messages and push until they end. The in-app list always
// shows everything.
import { useEffect, useState } from "react";
import {
  CHANNEL_LABELS,
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  FREQUENCIES,
  FREQUENCY_LABELS,
  type Frequency,
} from "~/domain/notification-preferences";
import { api } from "~/trpc/react";
import { QueryState } from "./query-state";

type Draft = {
  events: { type: string; label: string; channels: Record<DeliveryChannel, boolean> }[];
  frequency: Record<DeliveryChannel, Frequency>;
  quietFrom: string;
  quietTo: string;
};

export function NotificationPreferences() {
  const utils = api.useUtils();
  const current = api.notifications.preferences.useQuery();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const save = api.notifications.savePreferences.useMutation({
    onSuccess: (view) => {
      utils.notifications.preferences.setData(undefined, view);
      setSaved(true);
    },
  });
  useEffect(() => {
    if (current.data && !draft)
      setDraft({
        events: current.data.events,
        frequency: current.data.frequency,
        quietFrom: current.data.quietFrom ?? "",
        quietTo: current.data.quietTo ?? "",
      });
  }, [current.data, draft]);

  const change = (next: Draft) => {
    setSaved(false);
    setDraft(next);
  };
  const toggle = (type: string, channel: DeliveryChannel, on: boolean) =>
    draft &&
    change({
      ...draft,
      events: draft.events.map((e) => (e.type === type ? { ...e, channels: { ...e.channels, [channel]: on } } : e)),
    });

  return (
    <section className="card notification-preferences" aria-labelledby="notification-preferences-title">
      <h1 id="notification-preferences-title">Notification settings</h1>
      <p className="muted">Everything also shows in the Notifications list. Choose what reaches you elsewhere.</p>
      <QueryState
        isLoading={current.isLoading || (!draft && !current.error)}
        error={current.error}
        isEmpty={Boolean(draft && draft.events.length === 0)}
        empty="There is nothing to notify you of yet."
      >
        {draft && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate({
                events: draft.events.map((e) => ({ type: e.type as never, channels: e.channels })),
                frequency: draft.frequency,
                quietFrom: draft.quietFrom || null,
                quietTo: draft.quietTo || null,
              });
            }}
          >
            <table>
              <caption className="muted">What reaches you, and how</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  {DELIVERY_CHANNELS.map((channel) => (
                    <th scope="col" key={channel}>
                      {CHANNEL_LABELS[channel]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {draft.events.map((event) => (
                  <tr key={event.type}>
                    <th scope="row">{event.label}</th>
                    {DELIVERY_CHANNELS.map((channel) => (
                      <td key={channel}>
                        <input
                          type="checkbox"
                          aria-label={`${event.label}: ${CHANNEL_LABELS[channel]}`}
                          checked={event.channels[channel]}
                          onChange={(e) => toggle(event.type, channel, e.target.checked)}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {current.data && !current.data.hasPhone && (
              <p className="muted">Text messages need a phone number on your account; ask the office to add it.</p>
            )}
            <fieldset>
              <legend>How often</legend>
              {DELIVERY_CHANNELS.map((channel) => (
                <label key={channel}>
                  {CHANNEL_LABELS[channel]}{" "}
                  <select
                    value={draft.frequency[channel]}
                    onChange={(e) =>
                      change({ ...draft, frequency: { ...draft.frequency, [channel]: e.target.value as Frequency } })
                    }
                  >
                    {FREQUENCIES.map((f) => (
                      <option key={f} value={f}>
                        {FREQUENCY_LABELS[f]}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Quiet hours for text messages and push</legend>
              <label>
                From{" "}
                <input
                  type="time"
                  value={draft.quietFrom}
                  onChange={(e) => change({ ...draft, quietFrom: e.target.value })}
                />
              </label>{" "}
              <label>
                To{" "}
                <input
                  type="time"
                  value={draft.quietTo}
                  onChange={(e) => change({ ...draft, quietTo: e.target.value })}
                />
              </label>
              <p className="muted">Held until the quiet hours end. Leave both empty for none.</p>
            </fieldset>
            {save.error && (
              <p role="alert" className="error">
                Not saved: {save.error.message}
              </p>
            )}
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save settings"}
            </button>
            {saved && (
              <span role="status" className="muted">
                {" "}
                Saved.
              </span>
            )}
          </form>
        )}
      </QueryState>
    </section>
  );
}
