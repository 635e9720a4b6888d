"use client";
// The office: customers (prices, fleet settings, contact), technicians' rights, fleets'
// units, user accounts, business-wide settings and the audit trail, one tab each. The screens only call the admin's
// tRPC procedures; every rule and every audit entry is the server's.
import { Suspense } from "react";
import { api } from "~/trpc/react";
import { UntilHydrated } from "../_components/until-hydrated";
import { CustomerSelect } from "./_components/customer-select";
import {
  ApiKeysPanel,
  AuditPanel,
  BillingPanel,
  BusinessSettingsPanel,
  OutboxPanel,
  QualitySettingsPanel,
  TechniciansPanel,
  UnitsPanel,
  UsersPanel,
  WebhooksPanel,
} from "./_components/admin-panels";
import { AdminTabs, panelId, tabId } from "./_components/admin-tabs";
import { CustomersPanel } from "./_components/customers/customers-panel";
import { PointsCheckAlert } from "./_components/points-check-alert";
import { useAdminLocation } from "./_components/use-admin-location";

export function AdminHome() {
  const me = api.session.me.useQuery();
  return (
    <section className="admin">
      <h1>Business administration</h1>
      <nav aria-label="Admin screens">
        <a href="/admin/analytics">Analytics</a>
      </nav>
      {me.error && <p className="error">{me.error.message}</p>}
      {me.data && <p className="muted">Signed in as {me.data.email}</p>}
      <PointsCheckAlert />
      <Suspense
        fallback={
          <p className="muted" role="status">
            Loading…
          </p>
        }
      >
        <AdminSections />
      </Suspense>
    </section>
  );
}

function AdminSections() {
  const { tab, customerId, go } = useAdminLocation();
  const chooseCustomer = (id: string | null) => go({ customerId: id });
  return (
    <UntilHydrated>
      <AdminTabs current={tab} onSelect={(next) => go({ tab: next })} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} tabIndex={0} className="admin-panel">
        {tab === "customers" && <CustomersPanel customerId={customerId} onChoose={chooseCustomer} />}
        {tab === "technicians" && <TechniciansPanel />}
        {tab === "units" && <UnitsPanel customerId={customerId} onChoose={chooseCustomer} />}
        {tab === "users" && <UsersPanel />}
        {tab === "billing" && <BillingPanel />}
        {tab === "business" && <BusinessSettingsPanel />}
        {tab === "quality" && <QualitySettingsPanel />}
        {tab === "audit" && <AuditPanel />}
        {tab === "api" && <ApiKeysPanel />}
        {tab === "webhooks" && (
          <WebhooksPanel
            customerField={(value, onChange) => (
              <CustomerSelect
                id="webhook-customer"
                label="Customer (leave empty for business-wide)"
                value={value}
                onChange={onChange}
              />
            )}
          />
        )}
        {tab === "outbox" && <OutboxPanel />}
      </div>
    </UntilHydrated>
  );
}
