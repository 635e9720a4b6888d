// Server-side guard for pages (defence in depth behind the proxy): the current session's
// actor, or a redirect to /login or the 403 page.
import { notFound, redirect } from "next/navigation";
import { type ActorKind, actorKind } from "~/domain";
import { loadActor } from "~/server/auth/actor";
import { getServerAuthSession } from "~/server/auth/session";
import { db } from "~/server/db";

export async function requireKind(...kinds: ActorKind[]) {
  const session = await getServerAuthSession();
  if (!session) redirect("/api/session-ended");
  const actor = await loadActor(db(), session.user.id);
  if (!actor) redirect("/api/auth/signout");
  const kind = actorKind(actor);
  if (!kinds.includes(kind)) redirect("/forbidden");
  return { actor, kind };
}

export { notFound };
