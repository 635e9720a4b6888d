import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermanentDeliveryError, type OutgoingMessage } from "~/server/notifications/channel";
import { twilioSmsSender } from "~/server/notifications/sms-sender";
import { startTwilioPeer } from "../../support/twilio-peer";

let peer: Awaited<ReturnType<typeof startTwilioPeer>>;
beforeAll(async () => {
  peer = await startTwilioPeer();
});
afterAll(async () => {
  await peer.close();
});

const message = (phone: string | null, text = "Unit 4411 repaired."): OutgoingMessage => ({
  deliveryId: "del-1",
  recipient: { userId: "u1", name: "Dana", email: "dana@example.com", phone },
  subject: "Repair completed",
  text,
  url: "https://rs.example.com/portal/repairs/r1",
});

describe("twilioSmsSender", () => {
  it("posts To/From/Body form-encoded with basic auth and returns Twilio's message sid", async () => {
    const sender = twilioSmsSender(peer.smsUrl, "+15550001111");
    const result = await sender.send(message("+15551234567"));
    expect(result).toMatchObject({ outcome: "sent", providerId: expect.stringMatching(/^SM/) as unknown });
    expect(peer.messages.at(-1)).toMatchObject({
      to: "+15551234567",
      from: "+15550001111",
      body: "Unit 4411 repaired.",
      idempotency: "del-1",
    });
  });

  it("keeps the body to 160 characters", async () => {
    await twilioSmsSender(peer.smsUrl, "+15550001111").send(message("+15551234567", "long text ".repeat(40)));
    expect([...(peer.messages.at(-1)?.body ?? "")].length).toBeLessThanOrEqual(160);
  });

  it("a permanent Twilio refusal (invalid number) is not retried; a 5xx is", async () => {
    const sender = twilioSmsSender(peer.smsUrl, "+15550001111");
    peer.answerNext(400, 21211);
    await expect(sender.send(message("+15551234567"))).rejects.toBeInstanceOf(PermanentDeliveryError);
    peer.answerNext(503);
    const retry = await sender.send(message("+15551234567")).catch((e: unknown) => e);
    expect(retry).toBeInstanceOf(Error);
    expect(retry).not.toBeInstanceOf(PermanentDeliveryError);
    await expect(sender.send(message(null))).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it("wrong credentials are retried (a configuration fix makes them work)", async () => {
    const sender = twilioSmsSender(peer.smsUrl.replace("secret_token", "wrong"), "+15550001111");
    const error = await sender.send(message("+15551234567")).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    expect(String(error)).toMatch(/Twilio 401/);
  });
});
