// Who is calling, for route handlers and the tRPC context alike: the session says who signed
// in, the database says what they may do now (loadActor).
import "server-only";
import { type ActorWithIdentity, loadActor } from "../auth/actor";
import { getServerAuthSession } from "../auth/session";
import { db } from "../db";
import { noteRequestUser } from "../logging/request-context";

/** null when signed out or deactivated. */
export async function requestActor(): Promise<ActorWithIdentity | null> {
  const session = await getServerAuthSession();
  if (!session?.user.id) return null;
  noteRequestUser(session.user.id);
  return loadActor(db(), session.user.id);
}
