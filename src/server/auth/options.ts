// next-auth: credentials sign-in with JWT sessions carrying the user's id, kind and session id.
// The kind in the token only routes screens; every tRPC procedure re-reads the user's rights
// (loadActor), and every session read checks the session was not ended (user-sessions.ts).
import "server-only";
import type { NextAuthOptions, User as NextAuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { type ActorKind, MAX_PASSWORD_LENGTH, actorKind } from "~/domain";
import { config, servedOverHttps, sessionCookieName } from "../config";
import { clientIp } from "../http/client-ip";
import { db } from "../db";
import { requestLog } from "../logging/logger";
import { loadActor } from "./actor";
import { sameSiteRedirect } from "./redirect";
import { UNKNOWN_USER_HASH, verifyPassword } from "./passwords";
import { recordSignInFailure, recordSignInSuccess, signInWait } from "./sign-in-throttle";
import { MAX_SESSION_AGE_S, endSession, sessionIsLive, startSession } from "./user-sessions";

const credentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export const WRONG_CREDENTIALS = "Wrong email or password.";

export async function authorizeCredentials(
  raw: unknown,
  ip: string | null,
): Promise<NextAuthUser & { kind: ActorKind }> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) throw new Error("Enter your email address and password.");
  const { email, password } = parsed.data;
  const attempt = { email, ip };
  const wait = await signInWait(db(), attempt);
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
    await recordSignInFailure(db(), attempt);
    throw new Error(WRONG_CREDENTIALS);
  }
  await recordSignInSuccess(db(), attempt);
  return { id: actor.userId, email: actor.email, name: actor.name, kind: actorKind(actor) };
}

/** Thrown by the jwt callback for an ended session: next-auth then answers "no session". */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

export const authOptions: NextAuthOptions = {
  // Read when next-auth first uses the options, not at import (the build imports this module).
  get secret() {
    return config().NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: MAX_SESSION_AGE_S },
  get useSecureCookies() {
    return servedOverHttps();
  },
  get cookies() {
    const secure = servedOverHttps();
    return {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    };
  },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (raw, req) => authorizeCredentials(raw, clientIp(req?.headers)),
    }),
  ],
  callbacks: {
    redirect: sameSiteRedirect,
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.kind = (user as unknown as { kind: ActorKind }).kind;
        token.sid = await startSession(db(), user.id);
        return token;
      }
      if (!(await sessionIsLive(db(), token))) throw new SessionEnded();
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
  events: {
    // Sign-out ends this session on the server too: a copy of the cookie no longer works.
    signOut: ({ token }) => endSession(db(), token?.sid),
  },
  logger: {
    error(code, metadata) {
      if (metadata instanceof SessionEnded || (metadata as { error?: unknown })?.error instanceof SessionEnded) return;
      // The metadata may hold the sign-in's input: only its error is logged.
      const err = metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error;
      requestLog().error({ err, code }, "next-auth error");
    },
    warn: (code) => requestLog().warn({ code }, "next-auth warning"),
    debug: () => {},
  },
};
