"use client";
// The customer's name and how to reach it; a blank optional detail is cleared.
import type { FormEvent } from "react";
import { FIELDS } from "~/domain";
import { type RouterOutputs, api } from "~/trpc/react";
import { TextField } from "../fields";
import { FormStatus } from "../form-status";
import { orNull } from "../form-values";
import { useDraft } from "../use-draft";

type Customer = RouterOutputs["admin"]["customer"];

const draftOf = (c: Pick<Customer, "name" | "contactEmail" | "phone" | "address">) => ({
  name: c.name,
  contactEmail: c.contactEmail ?? "",
  phone: c.phone ?? "",
  address: c.address ?? "",
});

export function ContactForm({ customer }: { customer: Customer }) {
  const { draft, change, saved, edited } = useDraft(() => draftOf(customer));
  const save = api.admin.updateCustomer.useMutation({ onSuccess: (result) => saved(draftOf(result)) });
  const set = (field: keyof typeof draft) => (value: string) => change({ [field]: value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      customerId: customer.id,
      name: draft.name,
      contactEmail: orNull(draft.contactEmail),
      phone: orNull(draft.phone),
      address: orNull(draft.address),
    });
  };
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="contact-heading">
      <h3 id="contact-heading">Contact details</h3>
      <div className="admin-row">
        <TextField
          id="contact-name"
          label={FIELDS.companyName.label}
          value={draft.name}
          onChange={set("name")}
          required
          maxLength={FIELDS.companyName.maxLength}
        />
        <TextField
          id="contact-email"
          label={FIELDS.contactEmail.label}
          type="email"
          value={draft.contactEmail}
          onChange={set("contactEmail")}
          maxLength={FIELDS.contactEmail.maxLength}
        />
        <TextField
          id="contact-phone"
          label={FIELDS.phone.label}
          type="tel"
          value={draft.phone}
          onChange={set("phone")}
          maxLength={FIELDS.phone.maxLength}
        />
      </div>
      <TextField
        id="contact-address"
        label={FIELDS.address.label}
        value={draft.address}
        onChange={set("address")}
        maxLength={FIELDS.address.maxLength}
      />
      <FormStatus error={save.error} saved={save.isSuccess && !edited} />
      <button type="submit" disabled={save.isPending}>
        Save contact details
      </button>
    </form>
  );
}
