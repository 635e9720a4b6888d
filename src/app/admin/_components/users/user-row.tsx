"use client";
// One account with its actions: deactivate or reactivate, change role (only to the roles
// its kind of account may take), reset the password.
import { useState } from "react";
import type { Role } from "~/domain";
import { type RouterOutputs, api } from "~/trpc/react";
import { FormStatus } from "../form-status";
import { ResetPassword } from "./reset-password";
import { ROLE_LABELS, rolesReachableFrom } from "./roles";

type User = RouterOutputs["admin"]["users"]["items"][number];

export function UserRow({ user }: { user: User }) {
  const utils = api.useUtils();
  const [role, setRole] = useState<Role>(user.role);
  const update = api.admin.updateUser.useMutation({ onSuccess: () => void utils.admin.invalidate() });
  const roles = rolesReachableFrom(user.role);
  return (
    <li className="admin-user" aria-label={user.name}>
      <div className="admin-unit-facts">
        <strong>{user.name}</strong>
        <span>{user.email}</span>
        <span>
          <span className="badge">{ROLE_LABELS[user.role]}</span>
          {user.technician?.isManager && <span className="badge">Manager</span>}
          {!user.isActive && <span className="badge">Deactivated</span>}
        </span>
        {user.customer && (
          <span className="muted">
            {user.customer.name}
            {user.customer.isPrimaryContact && " · primary contact"}
          </span>
        )}
      </div>
      <div className="admin-actions">
        <button
          type="button"
          className="secondary"
          disabled={update.isPending}
          onClick={() => update.mutate({ userId: user.id, isActive: !user.isActive })}
        >
          {user.isActive ? "Deactivate" : "Reactivate"}
        </button>
        {roles.length > 1 && (
          <span className="admin-inline">
            <label htmlFor={`role-${user.id}`} className="visually-hidden">
              Role of {user.name}
            </label>
            <select id={`role-${user.id}`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="secondary"
              disabled={role === user.role || update.isPending}
              onClick={() => update.mutate({ userId: user.id, role })}
            >
              Change role
            </button>
          </span>
        )}
        <ResetPassword userId={user.id} name={user.name} />
      </div>
      <FormStatus error={update.error} saved={update.isSuccess} />
    </li>
  );
}
