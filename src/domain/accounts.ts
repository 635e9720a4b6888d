import { type Role } from "./actors";
import { DomainError } from "./errors";

// User accounts as the admin manages them. A customer user belongs to a company and a staff
// account to the business: one never turns into the other (make a new account instead).
// An admin cannot lock themself out (deactivate or demote their own account).

export const MIN_PASSWORD_LENGTH = 8;
/** Sign-in reads at most this much of a password. */
export const MAX_PASSWORD_LENGTH = 200;

export type AccountRefusedCode = "WEAK_PASSWORD" | "ROLE_CHANGE_REFUSED" | "OWN_ACCOUNT";

export class AccountRefused extends DomainError {
  constructor(
    readonly code: AccountRefusedCode,
    message: string,
  ) {
    super(message);
  }
}

/** The form an email address is stored and signed in with. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function assertPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AccountRefused(
      "WEAK_PASSWORD",
      `A password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
    );
  }
  if (!password.trim()) throw new AccountRefused("WEAK_PASSWORD", "A password cannot be only spaces.");
}

/** Staff roles may swap (an admin who also walks lots keeps a technician profile); customer accounts stay customer accounts. */
export function assertRoleChange(from: Role, to: Role): void {
  if (from === to) return;
  if (from === "CUSTOMER" || to === "CUSTOMER") {
    throw new AccountRefused(
      "ROLE_CHANGE_REFUSED",
      "A customer account cannot become a staff account or the other way round: create a new user.",
    );
  }
}

export type AccountChange = { role?: Role; isActive?: boolean };

/** Refuses an admin deactivating or re-roling their own account (nobody could undo it). */
export function assertNotLockingOut(
  actingUserId: string,
  targetUserId: string,
  current: { role: Role; isActive: boolean },
  change: AccountChange,
): void {
  if (actingUserId !== targetUserId) return;
  if (change.isActive === false && current.isActive)
    throw new AccountRefused("OWN_ACCOUNT", "You cannot deactivate your own account.");
  if (change.role !== undefined && change.role !== current.role)
    throw new AccountRefused("OWN_ACCOUNT", "You cannot change the role of your own account.");
}
