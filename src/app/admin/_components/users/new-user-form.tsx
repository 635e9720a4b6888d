"use client";
// Opens an account: an admin, a technician (rights are then set on the Technicians tab) or a
// customer user of one company, optionally its primary contact.
import { type FormEvent, useState } from "react";
import { FIELDS, type Role } from "~/domain";
import { type RouterInputs, api } from "~/trpc/react";
import { CustomerSelect } from "../customer-select";
import { CheckField, SelectField, TextField } from "../fields";
import { FormStatus } from "../form-status";
import { ROLES, ROLE_LABELS } from "./roles";

const EMPTY = {
  role: "TECHNICIAN" as Role,
  name: "",
  email: "",
  password: "",
  phone: "",
  customerId: null as string | null,
  isPrimaryContact: false,
};

function inputOf(d: typeof EMPTY): RouterInputs["admin"]["createUser"] {
  const account = { name: d.name, email: d.email, password: d.password };
  if (d.role === "CUSTOMER")
    return { ...account, role: d.role, customerId: d.customerId ?? "", isPrimaryContact: d.isPrimaryContact };
  if (d.role === "TECHNICIAN") return { ...account, role: d.role, phone: d.phone.trim() || undefined };
  return { ...account, role: d.role };
}

export function NewUserForm() {
  const utils = api.useUtils();
  const [draft, setDraft] = useState(EMPTY);
  const create = api.admin.createUser.useMutation({
    onSuccess: () => {
      setDraft({ ...EMPTY, role: draft.role });
      void utils.admin.invalidate();
    },
  });
  const change = (patch: Partial<typeof EMPTY>) => {
    setDraft((d) => ({ ...d, ...patch }));
    create.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(inputOf(draft));
  };
  return (
    <details className="card">
      <summary className="admin-summary">New user</summary>
      <form onSubmit={onSubmit} aria-label="New user">
        <div className="admin-row">
          <SelectField
            id="new-user-role"
            label="Role"
            value={draft.role}
            options={ROLES.map((r) => [r, ROLE_LABELS[r]] as const)}
            onChange={(role) => change({ role })}
          />
          <TextField
            id="new-user-name"
            label={FIELDS.personName.label}
            value={draft.name}
            onChange={(name) => change({ name })}
            required
            maxLength={FIELDS.personName.maxLength}
          />
          <TextField
            id="new-user-email"
            label={FIELDS.email.label}
            type="email"
            value={draft.email}
            onChange={(email) => change({ email })}
            required
            maxLength={FIELDS.email.maxLength}
            autoComplete="off"
          />
          <TextField
            id="new-user-password"
            label="Password"
            type="password"
            value={draft.password}
            onChange={(password) => change({ password })}
            required
            autoComplete="new-password"
            hint="At least 8 characters"
          />
        </div>
        {draft.role === "TECHNICIAN" && (
          <TextField
            id="new-user-phone"
            label={`${FIELDS.phone.label} (optional)`}
            type="tel"
            value={draft.phone}
            onChange={(phone) => change({ phone })}
            maxLength={FIELDS.phone.maxLength}
          />
        )}
        {draft.role === "CUSTOMER" && (
          <div className="admin-row">
            <CustomerSelect
              id="new-user-company"
              label="Company"
              value={draft.customerId}
              onChange={(customerId) => change({ customerId })}
              required
            />
            <CheckField
              label="Primary contact"
              checked={draft.isPrimaryContact}
              onChange={(isPrimaryContact) => change({ isPrimaryContact })}
            />
          </div>
        )}
        <FormStatus
          error={create.error}
          saved={create.isSuccess}
          savedText={create.data ? `Account created for ${create.data.email}` : "Saved"}
        />
        <button type="submit" disabled={create.isPending}>
          Create account
        </button>
      </form>
    </details>
  );
}
