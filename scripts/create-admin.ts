// Creates the first administrator on a production database:
//   DATABASE_URL=postgresql://… npm run admin:create -- admin@example.com "Pat Admin"
// The password is read from ADMIN_PASSWORD, or a random one is generated and printed once.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "../src/server/auth/passwords";
import { createDb } from "../src/server/db";
import { settingsOrExit } from "./lib/settings-or-exit";

const settings = settingsOrExit();
const [email, name] = process.argv.slice(2).filter((a) => a !== "--");
const parsed = z.object({ email: z.string().email(), name: z.string().min(1) }).safeParse({ email, name });
if (!parsed.success || !settings.DATABASE_URL) {
  console.error('Usage: DATABASE_URL=postgresql://… npm run admin:create -- <email> "<name>"');
  process.exit(1);
}
const password = settings.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
const db = createDb(settings.DATABASE_URL, 1);
try {
  await db.user.create({
    data: {
      email: parsed.data.email.toLowerCase(),
      name: parsed.data.name,
      role: "ADMIN",
      passwordHash: await hashPassword(password),
    },
  });
  console.log(
    `Created admin ${parsed.data.email}${settings.ADMIN_PASSWORD ? "" : ` with password ${password} (change it after signing in)`}.`,
  );
} finally {
  await db.$disconnect();
}
