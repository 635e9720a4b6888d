import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "./events";
import { emailSubject, escapeHtml, renderEmail, unsubscribeHeaders } from "./notification-email";

const base = {
  recipientName: "Carla",
  customerName: "Acme",
  items: [{ unitNumber: "T-1" }],
  url: "https://rs.test/portal/repairs/r-1",
  unsubscribeUrl: "https://rs.test/api/notifications/unsubscribe?token=x",
};

describe("notification emails", () => {
  it("escape every HTML-significant character", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("render every event type with its link, unsubscribe link and no raw customer HTML", () => {
    for (const type of EVENT_TYPES) {
      const mail = renderEmail({
        ...base,
        type,
        customerName: "<i>Acme</i>",
        items: [{ unitNumber: "<b>T-1</b>", detail: "<img src=x onerror=alert(1)>" }],
      });
      expect(mail.subject.length).toBeGreaterThan(0);
      expect(mail.html).toContain(`href="${base.url}"`);
      expect(mail.html).toContain(base.unsubscribeUrl);
      expect(mail.html).not.toMatch(/<(i|b|img)[\s>]/);
      expect(mail.text).toContain(base.url);
      expect(mail.text).toContain(base.unsubscribeUrl);
    }
  });

  it("name a walk's units together in one subject, on one line", () => {
    const items = [{ unitNumber: "T-1" }, { unitNumber: "T-2" }, { unitNumber: "T-3" }];
    expect(emailSubject({ type: "APPROVAL_REQUIRED", customerName: "Acme\r\nBcc: x", items })).toBe(
      "Acme Bcc: x: A repair needs approval (3 units)",
    );
    expect(emailSubject({ type: "REPAIR_COMPLETED", customerName: null, items: [{ unitNumber: "T-9" }] })).toBe(
      "A repair is completed (unit T-9)",
    );
  });

  it("carry a mass notification's own words, escaped", () => {
    const mail = renderEmail({ ...base, type: "REPAIR_STARTED", message: "Lot closed <Friday>" });
    expect(mail.subject).toBe("Acme: a message about your repairs");
    expect(mail.html).toContain("Lot closed &lt;Friday&gt;");
    expect(mail.text).toContain("Lot closed <Friday>");
  });

  it("ask mail clients for a one-click unsubscribe", () => {
    expect(unsubscribeHeaders("https://rs.test/u?t=1")).toEqual({
      "List-Unsubscribe": "<https://rs.test/u?t=1>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});
