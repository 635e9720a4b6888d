// The EMAIL channel against a real SMTP server on loopback: accepted mails carry the delivery id,
// the unsubscribe headers and escaped HTML; a refusing or hanging server fails the try (to be
// retried); a bounced address fails for good; no SMTP_URL keeps the message.
import { connect, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderEmail, unsubscribeHeaders } from "~/domain/notification-email";
import { PermanentDeliveryError, type OutgoingMessage } from "~/server/notifications/channel";
import { createEmailSender, DELIVERY_HEADER } from "~/server/notifications/email-sender";
import { headerOf, startSmtpPeer, type SmtpPeer } from "../../support/smtp-peer";

const FROM = "RS Systems <notifications@rs.test>";

function messageFor(deliveryId: string, email = "carla@acme.test"): OutgoingMessage {
  const url = "https://rs.test/portal/repairs/r-1";
  const unsubscribeUrl = "https://rs.test/api/notifications/unsubscribe?token=t0k";
  const rendered = renderEmail({
    type: "APPROVAL_REQUIRED",
    recipientName: "Carla <admin>",
    customerName: 'Acme "Rentals" & <b>Co</b>',
    items: [
      { unitNumber: "T-1", detail: "<script>alert(1)</script> chip" },
      { unitNumber: "T-2" },
      { unitNumber: "T-3" },
    ],
    url,
    unsubscribeUrl,
  });
  return {
    deliveryId,
    recipient: { userId: "u-1", name: "Carla", email, phone: null },
    ...rendered,
    url,
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
}

describe("the email channel", () => {
  let peer: SmtpPeer;
  const senders: Array<{ close(): void }> = [];
  const sender = (timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number }) => {
    const made = createEmailSender({ smtpUrl: peer.url, from: FROM, timeouts });
    senders.push(made);
    return made;
  };

  beforeAll(async () => {
    peer = await startSmtpPeer();
  });
  afterEach(() => {
    for (const made of senders.splice(0)) made.close();
    peer.mode = "accept";
    peer.bouncing.clear();
    peer.mails.length = 0;
  });
  afterAll(async () => {
    await peer.close();
  });

  it("delivers one mail with the delivery id, one-click unsubscribe, a link and escaped customer text", async () => {
    const result = await sender().send(messageFor("d-1"));
    expect(result).toMatchObject({ outcome: "sent" });
    expect(peer.mails).toHaveLength(1);
    const [mail] = peer.mails;
    expect(headerOf(mail!, DELIVERY_HEADER)).toBe("d-1");
    expect(mail!.messageId).toBe("<d-1@notifications.rs-systems>");
    expect(headerOf(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(headerOf(mail!, "List-Unsubscribe")).toContain("https://rs.test/api/notifications/unsubscribe?token=t0k");
    expect(mail!.subject).toBe('Acme "Rentals" & <b>Co</b>: A repair needs approval (3 units)');
    const html = String(mail!.html);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; chip");
    expect(html).toContain("Acme &quot;Rentals&quot; &amp; &lt;b&gt;Co&lt;/b&gt;");
    expect(html).toContain('href="https://rs.test/portal/repairs/r-1"');
    expect(mail!.text).toContain("- unit T-1: <script>alert(1)</script> chip");
    expect(mail!.text).toContain("https://rs.test/portal/repairs/r-1");
  });

  it("a server refusing with 5xx fails the try as retryable, and the retry gets through", async () => {
    peer.mode = "refuse";
    const made = sender();
    const failure = await made.send(messageFor("d-2")).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PermanentDeliveryError);
    expect(peer.mails).toHaveLength(0);
    peer.mode = "accept";
    await expect(made.send(messageFor("d-2"))).resolves.toMatchObject({ outcome: "sent" });
    expect(peer.mails.map((m) => headerOf(m, DELIVERY_HEADER))).toEqual(["d-2"]);
  });

  it("a server that hangs after the connection fails the try within its timeouts, retryable", async () => {
    peer.mode = "hang";
    const started = Date.now();
    const failure = await sender({ connectionMs: 500, greetingMs: 500, socketMs: 1_000 })
      .send(messageFor("d-3"))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PermanentDeliveryError);
    expect(peer.mails).toHaveLength(0);
  });

  it("an address the server bounces (550 on RCPT TO) fails for good", async () => {
    peer.bouncing.add("gone@acme.test");
    await expect(sender().send(messageFor("d-4", "gone@acme.test"))).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(peer.mails).toHaveLength(0);
  });

  it("a sender killed mid-mail (its socket reset after MAIL FROM) is kept as dropped, and the next mail still arrives", async () => {
    // What a SIGKILLed app does to its open SMTP connections (the fault tests do it on purpose).
    const { port } = new URL(peer.url);
    const socket: Socket = connect(Number(port), "127.0.0.1");
    let heard = "";
    socket.on("data", (chunk) => (heard += chunk.toString()));
    const answered = async (code: string) => {
      while (!heard.includes(`\r\n${code} `) && !heard.startsWith(`${code} `))
        await new Promise((r) => setTimeout(r, 10));
    };
    await answered("220");
    socket.write("EHLO killed.test\r\n");
    await answered("250");
    heard = "";
    socket.write("MAIL FROM:<notifications@rs.test>\r\n");
    await answered("250");
    socket.resetAndDestroy();
    while (peer.dropped.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(peer.dropped.map((error) => (error as { code?: string }).code)).toEqual(["ECONNRESET"]);

    expect(await sender().send(messageFor("d-after-reset"))).toMatchObject({ outcome: "sent" });
    expect(peer.mails.map((mail) => headerOf(mail, DELIVERY_HEADER))).toEqual(["d-after-reset"]);
  });

  it("without SMTP_URL the message is kept, not sent", async () => {
    const made = createEmailSender({ smtpUrl: undefined, from: FROM });
    await expect(made.send(messageFor("d-5"))).resolves.toEqual({ outcome: "kept" });
    expect(peer.mails).toHaveLength(0);
  });
});
