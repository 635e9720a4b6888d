"use client";
// User accounts: filter by role or a search on name and email, a page at a time; open a new
// account; deactivate, re-role or reset the password of one.
import { keepPreviousData } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import type { Role } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { SelectField, TextField } from "../fields";
import { NewUserForm } from "./new-user-form";
import { ROLES, ROLE_LABELS } from "./roles";
import { UserRow } from "./user-row";

const ROLE_FILTER: readonly (readonly [Role | "", string])[] = [
  ["", "Every role"],
  ...ROLES.map((r) => [r, ROLE_LABELS[r]] as const),
];

export function UsersPanel() {
  const [role, setRole] = useState<Role | "">("");
  const [search, setSearch] = useState("");
  const term = useDeferredValue(search.trim());
  const users = api.admin.users.useInfiniteQuery(
    { role: role || undefined, search: term || undefined, limit: 50 },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
  const list = users.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <h2>Users and roles</h2>
      <NewUserForm />
      <section className="card" aria-labelledby="user-list-heading">
        <h3 id="user-list-heading">Accounts</h3>
        <div className="admin-row">
          <SelectField id="user-role-filter" label="Role" value={role} options={ROLE_FILTER} onChange={setRole} />
          <TextField
            id="user-search"
            label="Search"
            type="search"
            value={search}
            onChange={setSearch}
            placeholder="Name or email"
            autoComplete="off"
          />
        </div>
        <QueryState
          isLoading={users.isLoading}
          error={users.error}
          isEmpty={list.length === 0}
          empty="No account matches."
        >
          <ul className="admin-plain" aria-label="Accounts" aria-busy={users.isPlaceholderData}>
            {list.map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </ul>
          {users.hasNextPage && (
            <button
              type="button"
              className="secondary"
              disabled={users.isFetchingNextPage}
              onClick={() => void users.fetchNextPage()}
            >
              {users.isFetchingNextPage ? "Loading…" : "Show more"}
            </button>
          )}
        </QueryState>
      </section>
    </div>
  );
}
