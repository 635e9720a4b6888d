import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_MAX_BATCH_CALLS } from "~/domain";
import { appRouter } from "~/server/api/root";
import { createRequestContext } from "~/server/api/context";
import { config } from "~/server/config";
import { TRPC_BODY_BYTES, withinBodyLimit } from "~/server/http/body-limit";
import { refuseCrossSite, refuseNonJson } from "~/server/http/cross-site";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req),
    // The browser's batch link sends at most this many (src/trpc/react.tsx).
    maxBatchSize: TRPC_MAX_BATCH_CALLS,
  });

/**
 * Mutations arrive by POST: refused when another site's page sends them, when not JSON (a form
 * post), or when the body is over its limit.
 */
async function post(req: Request) {
  const refused = refuseCrossSite(req, config().NEXTAUTH_URL) ?? refuseNonJson(req);
  if (refused) return refused;
  const limited = await withinBodyLimit(req, TRPC_BODY_BYTES);
  return limited instanceof Response ? limited : handler(limited);
}

export { handler as GET, post as POST };
