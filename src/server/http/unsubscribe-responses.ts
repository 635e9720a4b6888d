// The one-click unsubscribe link of every notification mail (RFC 8058). GET (a person clicking
// the link) shows a page with one confirm button, so a mail scanner that follows links switches
// nothing off; POST (the button, or the mail client's own Unsubscribe with
// "List-Unsubscribe=One-Click") switches it off. The signed token is the authority: no session
// is needed, and a forged or altered token changes nothing.
import "server-only";
import { EVENT_LABELS, type EventType } from "~/domain";
import { escapeHtml } from "~/domain/notification-email";
import { unsubscribeSecret } from "../data/notifications/render-delivery";
import type { Db } from "../db";
import { verifyUnsubscribeToken } from "../notifications/unsubscribe-token";
import { unsubscribe } from "../services/notifications/notification-preferences";

const CHANNEL_WORDS: Record<string, string> = { EMAIL: "emails", SMS: "text messages", PUSH: "push notifications" };

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      "referrer-policy": "no-referrer",
    },
  });
}

const invalid = () =>
  page(
    400,
    "This link is not valid",
    "<p>The unsubscribe link is incomplete or was changed. Open the notification settings in RS Systems instead.</p>",
  );

function what(scope: { channel: string; eventType: string | null }): string {
  const channel = CHANNEL_WORDS[scope.channel] ?? "notifications";
  const label = scope.eventType ? EVENT_LABELS[scope.eventType as EventType] : undefined;
  return label ? `${channel} for "${label}"` : `all ${channel}`;
}

export function unsubscribeConfirmPage(token: string | null): Response {
  const scope = token ? verifyUnsubscribeToken(token, unsubscribeSecret()) : null;
  if (!token || !scope) return invalid();
  return page(
    200,
    "Stop these notifications?",
    `<p>You will no longer receive ${escapeHtml(what(scope))}. You can switch them on again in your notification settings.</p>
<form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit" style="font-size:1rem;padding:.6rem 1.2rem">Unsubscribe</button></form>`,
  );
}

export async function unsubscribeNow(db: Db, request: Request): Promise<Response> {
  const url = new URL(request.url);
  let token = url.searchParams.get("token");
  if (!token && /form-urlencoded/.test(request.headers.get("content-type") ?? "")) {
    const form = new URLSearchParams((await request.text()).slice(0, 4096));
    token = form.get("token");
  }
  const scope = token ? verifyUnsubscribeToken(token, unsubscribeSecret()) : null;
  if (!scope) return invalid();
  const { ok } = await unsubscribe(db, scope);
  if (!ok) return invalid();
  return page(200, "You are unsubscribed", `<p>You will no longer receive ${escapeHtml(what(scope))}.</p>`);
}
