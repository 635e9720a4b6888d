// The customer's own user accounts (managed on the Users tab).
import type { RouterOutputs } from "~/trpc/react";

type CompanyUser = NonNullable<RouterOutputs["admin"]["customer"]["users"]>[number];

export function CompanyUsers({ users }: { users: CompanyUser[] }) {
  return (
    <section className="card" aria-labelledby="company-users-heading">
      <h3 id="company-users-heading">Customer users</h3>
      {users.length === 0 ? (
        <p className="empty">No user accounts for this customer yet (create one on the Users tab).</p>
      ) : (
        <ul className="admin-plain">
          {users.map((u) => (
            <li key={u.id}>
              <strong>{u.name}</strong> · {u.email}
              {u.isPrimaryContact && <span className="badge">Primary contact</span>}
              {!u.isActive && <span className="badge">Deactivated</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
