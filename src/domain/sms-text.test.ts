import { describe, expect, it } from "vitest";
import { SMS_MAX_CHARS, smsText } from "./sms-text";

describe("smsText", () => {
  it("leaves a short text alone (whitespace tidied)", () => {
    expect(smsText("Repair  done.\nThanks")).toBe("Repair done. Thanks");
  });

  it("cuts a long text at a word with an ellipsis, within 160 characters", () => {
    const out = smsText("word ".repeat(60));
    expect([...out].length).toBeLessThanOrEqual(SMS_MAX_CHARS);
    expect(out.endsWith("word…")).toBe(true);
  });

  it("keeps the link whole at the end", () => {
    const link = "https://rs.example.com/manager/repairs/cm123456789";
    const out = smsText(`Unit 4411 at Acme Motors: ${"the chip was repaired ".repeat(10)} See ${link}`);
    expect([...out].length).toBeLessThanOrEqual(SMS_MAX_CHARS);
    expect(out.endsWith(` ${link}`)).toBe(true);
    expect(out.startsWith("Unit 4411 at Acme Motors: the chip")).toBe(true);
    expect(out).toContain("…");
  });

  it("cuts a link too long to keep like any other text", () => {
    const out = smsText(`See https://example.com/${"x".repeat(200)}`);
    expect([...out].length).toBe(SMS_MAX_CHARS);
  });

  it("counts characters, not UTF-16 units", () => {
    const out = smsText("é🚗 ".repeat(100));
    expect([...out].length).toBeLessThanOrEqual(SMS_MAX_CHARS);
  });
});
