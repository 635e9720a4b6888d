"use client";
// One customer: prices (editor, effective list, history), fleet settings, sites, contact details,
// the company's user accounts and its rewards. Forms are keyed by customer so switching starts afresh.
import { dateText } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { CompanyUsers } from "./company-users";
import { CustomerSites } from "./customer-sites";
import { ContactForm } from "./contact-form";
import { CustomerRewards } from "./customer-rewards";
import { FleetSettingsForm } from "./fleet-settings-form";
import { PriceList } from "./price-list";
import { PricingForm } from "./pricing-form";
import { PricingHistory } from "./pricing-history";

export function CustomerDetail({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const customer = api.admin.customer.useQuery({ customerId });
  const c = customer.data;
  return (
    <div>
      <button type="button" className="secondary admin-back" onClick={onClose}>
        ← All customers
      </button>
      <QueryState
        isLoading={customer.isLoading}
        error={customer.error}
        isEmpty={!c}
        empty="This customer was not found."
      >
        {c && (
          <article aria-labelledby="customer-heading">
            <h2 id="customer-heading">{c.name}</h2>
            <p className="muted">
              {c.unitCount} units on file · fleet of {c.settings.fleetSize} · customer since {dateText(c.createdAt)}
            </p>
            <section className="card" aria-labelledby="prices-heading">
              <h3 id="prices-heading">Prices</h3>
              <div className="admin-columns">
                <PricingForm customerId={c.id} pricing={c.pricing} notes={c.pricingNotes ?? ""} />
                <PriceList pricing={c.pricing} />
              </div>
              <PricingHistory customerId={c.id} />
            </section>
            <FleetSettingsForm customerId={c.id} settings={c.settings} />
            <CustomerSites customerId={c.id} />
            <ContactForm customer={c} />
            <CompanyUsers users={c.users ?? []} />
            <CustomerRewards customerId={c.id} />
          </article>
        )}
      </QueryState>
    </div>
  );
}
