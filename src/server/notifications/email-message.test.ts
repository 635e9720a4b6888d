import { describe, expect, it } from "vitest";
import { emailMessage, UNSUBSCRIBE_PATH } from "./email-message";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "a-test-secret-of-enough-length";

describe("an email notification's message", () => {
  it("links to the screen and to a signed one-click unsubscribe for that user and event", () => {
    const message = emailMessage({
      deliveryId: "d-1",
      recipient: { userId: "u-1", name: "Carla <C>", email: "carla@acme.test", phone: null },
      content: {
        type: "APPROVAL_REQUIRED",
        customerName: "Acme",
        items: [{ unitNumber: "T-1" }, { unitNumber: "T-2" }],
        url: "https://rs.test/portal/repairs/r-1",
      },
      baseUrl: "https://rs.test",
      secret: SECRET,
    });
    expect(message.url).toBe("https://rs.test/portal/repairs/r-1");
    expect(message.html).toContain("Hello Carla &lt;C&gt;");
    const unsubscribe = message.headers?.["List-Unsubscribe"] ?? "";
    const link = new URL(unsubscribe.slice(1, -1));
    expect(link.origin + link.pathname).toBe(`https://rs.test${UNSUBSCRIBE_PATH}`);
    expect(verifyUnsubscribeToken(link.searchParams.get("token") ?? "", SECRET)).toEqual({
      userId: "u-1",
      channel: "EMAIL",
      eventType: "APPROVAL_REQUIRED",
    });
    expect(message.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(message.text).toContain(link.toString());
  });
});
