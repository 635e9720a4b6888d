"use client";
// The customer's units, narrowed by a search on number, VIN, make or model. Long fleets show
// the first matches only: the search finds the rest.
import { useDeferredValue, useState } from "react";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { TextField } from "../fields";
import { UnitRow } from "./unit-row";

const SHOWN = 100;

export function UnitList({ customerId }: { customerId: string }) {
  const units = api.unit.fleet.useQuery({ customerId });
  const [search, setSearch] = useState("");
  const term = useDeferredValue(search.trim().toLowerCase());
  const all = units.data ?? [];
  const matches = term
    ? all.filter((u) => [u.unitNumber, u.vin, u.make, u.model].some((v) => v?.toLowerCase().includes(term)))
    : all;
  return (
    <section className="card" aria-labelledby="unit-list-heading">
      <h3 id="unit-list-heading">Fleet ({all.length} units)</h3>
      <TextField
        id="unit-search"
        label="Search units"
        type="search"
        value={search}
        onChange={setSearch}
        placeholder="Unit number, VIN, make or model"
        autoComplete="off"
      />
      <QueryState
        isLoading={units.isLoading}
        error={units.error}
        isEmpty={matches.length === 0}
        empty={
          term ? `No unit matches “${search.trim()}”.` : "No units on file yet: add one or import the fleet list below."
        }
      >
        {matches.length > SHOWN && (
          <p className="muted">
            Showing {SHOWN} of {matches.length}: search to narrow.
          </p>
        )}
        <ul className="admin-plain admin-units" aria-label="Units">
          {matches.slice(0, SHOWN).map((unit) => (
            <UnitRow key={unit.id} unit={unit} />
          ))}
        </ul>
      </QueryState>
    </section>
  );
}
