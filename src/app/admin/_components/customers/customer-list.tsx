"use client";
// The customers, searched by name on the server, each with its work at a glance.
import { keepPreviousData } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { TextField } from "../fields";

export function CustomerList({ selectedId, onChoose }: { selectedId: string | null; onChoose: (id: string) => void }) {
  const [search, setSearch] = useState("");
  const term = useDeferredValue(search.trim());
  const customers = api.admin.customers.useQuery({ search: term || undefined }, { placeholderData: keepPreviousData });
  const list = customers.data ?? [];
  return (
    <div className="card">
      <h2>Customers</h2>
      <TextField
        id="customer-search"
        label="Search customers"
        type="search"
        value={search}
        onChange={setSearch}
        placeholder="Name"
        autoComplete="off"
      />
      <QueryState
        isLoading={customers.isLoading}
        error={customers.error}
        isEmpty={list.length === 0}
        empty={term ? `No customer matches “${term}”.` : "No customers yet: create the first one below."}
      >
        <ul className="admin-list" aria-label="Customers" aria-busy={customers.isPlaceholderData}>
          {list.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="admin-list-item"
                aria-current={c.id === selectedId ? "true" : undefined}
                onClick={() => onChoose(c.id)}
              >
                <strong>{c.name}</strong>
                <span className="muted">
                  {c.unitCount} units · {c.openRepairs} open · {c.pendingApprovals} awaiting approval
                </span>
                {c.pricing?.useCustomPricing && <span className="badge">Custom prices</span>}
              </button>
            </li>
          ))}
        </ul>
      </QueryState>
    </div>
  );
}
