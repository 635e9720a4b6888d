import type { ActorKind } from "~/domain";

declare module "next-auth" {
  interface Session {
    user: { id: string; kind: ActorKind; email: string; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    kind: ActorKind;
    /** The UserSession row this cookie stands for (src/server/auth/user-sessions.ts). */
    sid?: string;
  }
}
