"use client";
// "Notifications on this device": one switch, for technicians on /walk and managers on /manager.
// The state is read from the browser (permission, the worker's subscription) and the server (push
// configured, this endpoint kept for this user); every state that is not a switch says why.
import { useEffect, useState } from "react";
import { disablePush, enablePush, type PushServer, type PushState, pushState } from "~/client/pwa/push-subscription";

const WHY: Record<Exclude<PushState["kind"], "ready">, string> = {
  unsupported: "This browser cannot receive notifications.",
  "no-worker": "Notifications need the installed app (not available in this development build).",
  "off-on-server": "Notifications are not set up on this server.",
  blocked: "Notifications are blocked for this site: allow them in the browser's site settings, then reload.",
};

export function PushSwitch({ server }: { server: PushServer }) {
  const [state, setState] = useState<PushState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    pushState(server).then(
      (s) => live && setState(s),
      () => live && setState({ kind: "ready", subscribed: false }),
    );
    return () => {
      live = false;
    };
  }, [server]);
  const change = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setState(await (on ? enablePush(server) : disablePush(server)));
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not change notifications on this device.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card push-switch" aria-labelledby="push-switch-heading">
      <h2 id="push-switch-heading">Notifications on this device</h2>
      {!state && <p className="muted">Checking…</p>}
      {state && state.kind !== "ready" && <p className="muted">{WHY[state.kind]}</p>}
      {state?.kind === "ready" && (
        <label>
          <input
            type="checkbox"
            role="switch"
            checked={state.subscribed}
            disabled={busy}
            aria-checked={state.subscribed}
            onChange={(e) => void change(e.target.checked)}
          />{" "}
          Notifications on this device
        </label>
      )}
      {state?.kind === "ready" && (
        <p className="muted">Approvals needed, work assigned to you and planned lot walks, even with the app closed.</p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
