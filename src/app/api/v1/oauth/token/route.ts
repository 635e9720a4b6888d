// POST /api/v1/oauth/token (client credentials); logic in src/server/public-api/oauth-token-response.ts.
import { db } from "~/server/db";
import { oauthTokenResponse } from "~/server/public-api/oauth-token-response";

export const POST = (request: Request) => oauthTokenResponse(db(), request);
