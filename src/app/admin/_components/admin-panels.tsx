"use client";
// The admin's other tabs, each its own chunk: /admin opens on Customers, and the ten other panels
// (forms, tables, the audit trail's filters) were a third of its first-load script, parsed and run
// before the first tap. A tab's chunk is fetched when the pointer or focus reaches its button (not
// at idle: evaluating ten chunks right after load kept the main thread as busy as before); until it
// arrives the panel says it is loading.
//
// A panel opened by the address (/admin?tab=units) is in the server's HTML but hydrates only once its
// chunk has arrived, after the rest of the screen: its controls stay disabled until then, like the
// screen's (until-hydrated.tsx). A unit number typed in that moment was wiped by the hydration.
import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import { UntilHydrated } from "../../_components/until-hydrated";

function PanelLoading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

/** The panel inside its own UntilHydrated, which hydrates with the panel, not with the screen. */
export function guarded<P extends object>(Panel: ComponentType<P>): ComponentType<P> {
  function GuardedPanel(props: P) {
    return (
      <UntilHydrated>
        <Panel {...props} />
      </UntilHydrated>
    );
  }
  GuardedPanel.displayName = `Guarded(${Panel.displayName ?? Panel.name})`;
  return GuardedPanel;
}

const loaders = {
  technicians: () => import("./technicians/technicians-panel").then((m) => guarded(m.TechniciansPanel)),
  units: () => import("./units/units-panel").then((m) => guarded(m.UnitsPanel)),
  users: () => import("./users/users-panel").then((m) => guarded(m.UsersPanel)),
  billing: () => import("./billing/billing-panel").then((m) => guarded(m.BillingPanel)),
  business: () => import("./business/business-settings-panel").then((m) => guarded(m.BusinessSettingsPanel)),
  quality: () => import("./quality/quality-settings-panel").then((m) => guarded(m.QualitySettingsPanel)),
  audit: () => import("./audit/audit-panel").then((m) => guarded(m.AuditPanel)),
  api: () => import("../../_components/api-keys-panel").then((m) => guarded(m.ApiKeysPanel)),
  webhooks: () => import("../../_components/webhooks-panel").then((m) => guarded(m.WebhooksPanel)),
  outbox: () => import("./outbox/outbox-panel").then((m) => guarded(m.OutboxPanel)),
};

export const TechniciansPanel = dynamic(loaders.technicians, { loading: PanelLoading });
export const UnitsPanel = dynamic(loaders.units, { loading: PanelLoading });
export const UsersPanel = dynamic(loaders.users, { loading: PanelLoading });
export const BillingPanel = dynamic(loaders.billing, { loading: PanelLoading });
export const BusinessSettingsPanel = dynamic(loaders.business, { loading: PanelLoading });
export const QualitySettingsPanel = dynamic(loaders.quality, { loading: PanelLoading });
export const AuditPanel = dynamic(loaders.audit, { loading: PanelLoading });
export const ApiKeysPanel = dynamic(loaders.api, { loading: PanelLoading });
export const WebhooksPanel = dynamic(loaders.webhooks, { loading: PanelLoading });
export const OutboxPanel = dynamic(loaders.outbox, { loading: PanelLoading });

/** Starts fetching a tab's chunk when the admin shows intent (pointer over, focus, touch), so it is usually there by the click. */
export function warmPanel(tab: string): void {
  const load = loaders[tab as keyof typeof loaders];
  if (load) void load().catch(() => {});
}
