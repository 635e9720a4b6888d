import { describe, expect, it } from "vitest";
import { pickVoiceType } from "./voice";

describe("pickVoiceType", () => {
  it("takes the first format the browser records", () => {
    expect(pickVoiceType((t) => t === "audio/mp4" || t === "audio/webm")).toBe("audio/mp4");
    expect(pickVoiceType((t) => t.startsWith("audio/webm"))).toBe("audio/webm;codecs=opus");
    expect(pickVoiceType((t) => t === "audio/webm")).toBe("audio/webm");
    expect(pickVoiceType(() => false)).toBeNull();
  });
});
