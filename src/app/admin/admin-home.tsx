"use client";
// The office: customers (prices, fleet settings, contact), technicians' rights, fleets'
// units, user accounts, business-wide settings and the audit trail, one tab each. The screens only call the admin's
// tRPC procedures; every rule and every audit entry is the server's.
import { Suspense } from "react";
import { api } from "~/trpc/react";
import { ApiKeysPanel } from "../_components/api-keys-panel";
import { WebhooksPanel } from "../_components/webhooks-panel";
import { CustomerSelect } from "./_components/customer-select";
import { AdminTabs, panelId, tabId } from "./_components/admin-tabs";
import { AuditPanel } from "./_components/audit/audit-panel";
import { BillingPanel } from "./_components/billing/billing-panel";
import { BusinessSettingsPanel } from "./_components/business/business-settings-panel";
import { QualitySettingsPanel } from "./_components/quality/quality-settings-panel";
import { CustomersPanel } from "./_components/customers/customers-panel";
import { OutboxPanel } from "./_components/outbox/outbox-panel";
import { PointsCheckAlert } from "./_components/points-check-alert";
import { TechniciansPanel } from "./_components/technicians/technicians-panel";
import { UnitsPanel } from "./_components/units/units-panel";
import { useAdminLocation } from "./_components/use-admin-location";
import { UsersPanel } from "./_components/users/users-panel";

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
    <>
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
    </>
  );
}
