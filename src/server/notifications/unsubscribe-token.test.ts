import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "a-test-secret-of-enough-length";
const scope = { userId: "0b9c1c3e-0000-4000-8000-000000000001", channel: "EMAIL", eventType: "REPAIR_STARTED" };

describe("unsubscribe tokens", () => {
  it("give back the scope they were signed for", () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(scope, SECRET), SECRET)).toEqual(scope);
    const all = { ...scope, eventType: null };
    expect(verifyUnsubscribeToken(signUnsubscribeToken(all, SECRET), SECRET)).toEqual(all);
  });

  it("refuse a token altered, truncated or signed with another secret", () => {
    const token = signUnsubscribeToken(scope, SECRET);
    const [body, sig] = token.split(".");
    const otherUser = Buffer.from(JSON.stringify(["someone-else", "EMAIL", null])).toString("base64url");
    expect(verifyUnsubscribeToken(`${otherUser}.${sig}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${body}.${sig!.slice(1)}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(body!, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.x`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(token, "another-secret-of-enough-length")).toBeNull();
    expect(verifyUnsubscribeToken("", SECRET)).toBeNull();
  });
});
