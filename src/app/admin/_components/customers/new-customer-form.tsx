"use client";
// A new fleet customer; it starts on the default prices and settings until edited. The customer
// that referred it, if any, earns its referral bonus on the new customer's first completed repair.
import { type FormEvent, useState } from "react";
import { FIELDS } from "~/domain";
import { api } from "~/trpc/react";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";

const EMPTY = { name: "", contactEmail: "", phone: "", address: "", referredByCustomerId: "" };

export function NewCustomerForm({ onCreated }: { onCreated: (id: string) => void }) {
  const utils = api.useUtils();
  const customers = api.admin.customers.useQuery({});
  const [draft, setDraft] = useState(EMPTY);
  const create = api.admin.createCustomer.useMutation({
    onSuccess: (customer) => {
      setDraft(EMPTY);
      void utils.admin.invalidate();
      onCreated(customer.id);
    },
  });
  const set = (field: keyof typeof EMPTY) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Blank optional details are left out rather than stored empty.
    const optional = (text: string) => text.trim() || undefined;
    create.mutate({
      name: draft.name,
      contactEmail: optional(draft.contactEmail),
      phone: optional(draft.phone),
      address: optional(draft.address),
      referredByCustomerId: optional(draft.referredByCustomerId),
    });
  };
  return (
    <details className="card">
      <summary className="admin-summary">New customer</summary>
      <form onSubmit={onSubmit} aria-label="New customer">
        <TextField
          id="new-customer-name"
          label={FIELDS.companyName.label}
          value={draft.name}
          onChange={set("name")}
          required
          maxLength={FIELDS.companyName.maxLength}
        />
        <TextField
          id="new-customer-email"
          label={`${FIELDS.contactEmail.label} (optional)`}
          type="email"
          value={draft.contactEmail}
          onChange={set("contactEmail")}
          maxLength={FIELDS.contactEmail.maxLength}
        />
        <TextField
          id="new-customer-phone"
          label={`${FIELDS.phone.label} (optional)`}
          type="tel"
          value={draft.phone}
          onChange={set("phone")}
          maxLength={FIELDS.phone.maxLength}
        />
        <TextField
          id="new-customer-address"
          label={`${FIELDS.address.label} (optional)`}
          value={draft.address}
          onChange={set("address")}
          maxLength={FIELDS.address.maxLength}
        />
        <div className="admin-field">
          <label htmlFor="new-customer-referred-by">Referred by (optional)</label>
          <select
            id="new-customer-referred-by"
            value={draft.referredByCustomerId}
            onChange={(e) => set("referredByCustomerId")(e.target.value)}
          >
            <option value="">Nobody</option>
            {customers.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <FormStatus error={create.error} saved={create.isSuccess} savedText="Customer created" />
        <button type="submit" disabled={create.isPending}>
          Create customer
        </button>
      </form>
    </details>
  );
}
