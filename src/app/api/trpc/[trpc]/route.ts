import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createRequestContext } from "~/server/api/context";
import { config } from "~/server/config";
import { refuseCrossSite, refuseNonJson } from "~/server/http/cross-site";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req),
  });

/** Mutations arrive by POST: refused when another site's page sends them, or when not JSON (a form post). */
const post = (req: Request) => refuseCrossSite(req, config().NEXTAUTH_URL) ?? refuseNonJson(req) ?? handler(req);

export { handler as GET, post as POST };
