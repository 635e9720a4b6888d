// Passwords are stored as bcrypt hashes (slow on purpose: costly to brute-force offline).
import "server-only";
import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Compared against when the email is unknown, so both paths take as long. */
export const UNKNOWN_USER_HASH = bcrypt.hashSync("not-a-real-password", COST);
