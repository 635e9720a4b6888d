// next-auth: credentials sign-in with JWT sessions carrying the user's id and kind. The kind in
// the token only routes screens; every tRPC procedure re-reads the user's rights (loadActor).
import "server-only";
import type { NextAuthOptions, User as NextAuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { type ActorKind, MAX_PASSWORD_LENGTH, actorKind } from "~/domain";
import { config } from "../config";
import { db } from "../db";
import { loadActor } from "./actor";
import { sameSiteRedirect } from "./redirect";
import { UNKNOWN_USER_HASH, verifyPassword } from "./passwords";
import { SignInThrottle, throttleKeys } from "./sign-in-throttle";

const credentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
const throttle = new SignInThrottle();

export const WRONG_CREDENTIALS = "Wrong email or password.";

export async function authorizeCredentials(
  raw: unknown,
  ip: string | null,
): Promise<NextAuthUser & { kind: ActorKind }> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) throw new Error("Enter your email address and password.");
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, ip);
  const wait = throttle.waitFor(keys);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new Error(`Too many failed sign-ins. Try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`);
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, isActive: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  const actor = ok && user?.isActive ? await loadActor(db(), user.id) : null;
  if (!actor) {
    throttle.recordFailure(keys);
    throw new Error(WRONG_CREDENTIALS);
  }
  throttle.recordSuccess(keys);
  return { id: actor.userId, email: actor.email, name: actor.name, kind: actorKind(actor) };
}

function ipOf(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? (forwarded.split(",")[0]?.trim() ?? null) : null;
}

export const authOptions: NextAuthOptions = {
  // Read when next-auth first uses the options, not at import (the build imports this module).
  get secret() {
    return config().NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (raw, req) => authorizeCredentials(raw, ipOf(req?.headers)),
    }),
  ],
  callbacks: {
    redirect: sameSiteRedirect,
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.kind = (user as unknown as { kind: ActorKind }).kind;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub!;
        session.user.kind = token.kind;
      }
      return session;
    },
  },
};
