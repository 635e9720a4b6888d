import { describe, expect, it } from "vitest";
import { attachmentProblem, contentMatchesType, mimeBaseType } from "./attachment-rules";

describe("attachment rules", () => {
  it("accepts a compressed JPEG photo, a voice note from Safari or Chrome, a PNG signature", () => {
    expect(attachmentProblem("PHOTO", "image/jpeg", 220_000)).toBeNull();
    expect(attachmentProblem("VOICE", "audio/mp4", 80_000)).toBeNull();
    expect(attachmentProblem("VOICE", "audio/webm;codecs=opus", 80_000)).toBeNull();
    expect(attachmentProblem("SIGNATURE", "image/png", 20_000)).toBeNull();
  });
  it("refuses the wrong type with a message naming what is allowed", () => {
    expect(attachmentProblem("PHOTO", "application/pdf", 1000)).toEqual({
      code: "WRONG_FILE_TYPE",
      message: "A photo must be image/jpeg, image/png, image/webp; this file is application/pdf.",
    });
    expect(attachmentProblem("SIGNATURE", "image/jpeg", 1000)?.code).toBe("WRONG_FILE_TYPE");
  });
  it("refuses empty and oversized files", () => {
    expect(attachmentProblem("PHOTO", "image/jpeg", 0)?.code).toBe("EMPTY_FILE");
    expect(attachmentProblem("PHOTO", "image/jpeg", 9 * 1024 * 1024)).toEqual({
      code: "FILE_TOO_LARGE",
      message: "The photo is 9.0 MB; the limit is 8.0 MB.",
    });
    expect(attachmentProblem("PHOTO", "image/jpeg", 8 * 1024 * 1024)).toBeNull();
  });
});

describe("declared MIME types", () => {
  it("takes parameters a recorder reports, quoted or not", () => {
    expect(attachmentProblem("VOICE", 'audio/webm; codecs="opus"', 80_000)).toBeNull();
    expect(attachmentProblem("PHOTO", "IMAGE/JPEG", 80_000)).toBeNull();
  });
  it("refuses control characters, which would break the header the file is served with", () => {
    for (const mimeType of [
      "image/jpeg\r\nX-Injected: 1",
      "image/jpeg;\r\nq=1",
      "image/jpeg\n",
      'image/jpeg; a="\u0000"',
    ])
      expect(attachmentProblem("PHOTO", mimeType, 1000)).toEqual({
        code: "WRONG_FILE_TYPE",
        message: "A photo must be image/jpeg, image/png, image/webp; this file is of unknown type.",
      });
    expect(mimeBaseType("image/jpeg;")).toBeNull();
  });
});

describe("content checked against its declared type", () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
  const samples: Record<string, Uint8Array> = {
    "image/jpeg": bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"),
    "image/png": bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a], "IHDR"),
    "image/webp": bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "),
    "audio/webm": bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]),
    "audio/ogg": bytes("OggS", [0]),
    "audio/mp4": bytes([0, 0, 0, 0x20], "ftypM4A "),
    "audio/mpeg": bytes("ID3", [4, 0]),
    "audio/aac": bytes([0xff, 0xf1, 0x50]),
    "image/svg+xml": bytes('\uFEFF <?xml version="1.0"?>\n<svg/>'),
  };
  it("accepts each allowed type's own signature", () => {
    for (const [type, head] of Object.entries(samples)) expect(contentMatchesType(type, head), type).toBe(true);
    expect(contentMatchesType("audio/webm;codecs=opus", samples["audio/webm"]!)).toBe(true);
  });
  it("refuses another type's bytes, a page, an empty file and a type not allowed", () => {
    const html = bytes("<!doctype html><script>alert(1)</script>");
    for (const type of Object.keys(samples)) {
      expect(contentMatchesType(type, html), type).toBe(false);
      expect(contentMatchesType(type, new Uint8Array()), type).toBe(false);
    }
    expect(contentMatchesType("image/jpeg", samples["image/png"]!)).toBe(false);
    expect(contentMatchesType("text/html", html)).toBe(false);
  });
});
