import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";

describe("reading CSV", () => {
  it("splits lines and cells, numbering each record by the line it starts on", () => {
    expect(parseCsv("unit_number,make\nT-1,Ford\r\nT-2,Volvo\n")).toEqual({
      lines: [
        { line: 1, cells: ["unit_number", "make"] },
        { line: 2, cells: ["T-1", "Ford"] },
        { line: 3, cells: ["T-2", "Volvo"] },
      ],
      problem: null,
    });
  });

  it("reads quoted cells with commas, doubled quotes and line breaks, and drops a byte-order mark", () => {
    const { lines } = parseCsv('\uFEFFunit_number,model\n"T-1","Cascadia, 2 ""sleeper"""\n"T-2","two\nlines"\nT-3,x');
    expect(lines).toEqual([
      { line: 1, cells: ["unit_number", "model"] },
      { line: 2, cells: ["T-1", 'Cascadia, 2 "sleeper"'] },
      { line: 3, cells: ["T-2", "two\nlines"] },
      { line: 5, cells: ["T-3", "x"] },
    ]);
  });

  it("skips empty lines but keeps rows of empty cells, and reports a quote never closed", () => {
    expect(parseCsv("a\n\nb\n,\n").lines).toEqual([
      { line: 1, cells: ["a"] },
      { line: 3, cells: ["b"] },
      { line: 4, cells: ["", ""] },
    ]);
    expect(parseCsv('a\n"b,c\nd').problem).toBe("Line 2: a quoted cell is never closed.");
  });
});
