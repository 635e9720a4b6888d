// /api/notifications/unsubscribe?token=: GET asks to confirm, POST (the button, or a mail client's
// one-click) switches the notification off (src/server/http/unsubscribe-responses.ts).
import { db } from "~/server/db";
import { unsubscribeConfirmPage, unsubscribeNow } from "~/server/http/unsubscribe-responses";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  return unsubscribeConfirmPage(new URL(request.url).searchParams.get("token"));
}

export function POST(request: Request): Promise<Response> {
  return unsubscribeNow(db(), request);
}
