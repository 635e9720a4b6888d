import { describe, expect, it } from "vitest";
import { attachmentProblem } from "./attachment-rules";

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
