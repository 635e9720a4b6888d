"use client";
// Choosing one customer (the Units tab, a customer user's company).
import { api } from "~/trpc/react";

export function CustomerSelect({
  id,
  label,
  value,
  onChange,
  required,
}: {
  id: string;
  label: string;
  value: string | null;
  onChange: (customerId: string | null) => void;
  required?: boolean;
}) {
  const customers = api.admin.customers.useQuery({});
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
        disabled={customers.isLoading}
        required={required}
      >
        <option value="">{customers.isLoading ? "Loading customers…" : "Choose a customer"}</option>
        {customers.data?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {customers.error && (
        <p className="error" role="alert">
          {customers.error.message}
        </p>
      )}
    </div>
  );
}
