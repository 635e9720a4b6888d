import { describe, expect, it } from "vitest";
import { csvField } from "./billing-csv";

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvField("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvField('He said "hi"')).toBe('"He said ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(-12.5)).toBe("-12.5");
    expect(csvField(null)).toBe("");
  });
});
