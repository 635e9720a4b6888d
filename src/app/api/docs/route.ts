// GET /api/docs: the API reference page; logic in src/server/public-api/docs-page.ts.
import { docsPageResponse } from "~/server/public-api/docs-page";

export const GET = () => docsPageResponse();
