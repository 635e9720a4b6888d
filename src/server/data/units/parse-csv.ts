// Reads CSV text as spreadsheets write it (RFC 4180): commas, double quotes around cells that
// hold commas, quotes ("") or line breaks, CRLF or LF line ends, an optional byte-order mark.
// Each record keeps the line it starts on, so problems can be reported by line number.
import "server-only";
import type { ImportLine } from "~/domain/index";

export type ParsedCsv = { lines: ImportLine[]; problem: string | null };

export function parseCsv(text: string): ParsedCsv {
  const lines: ImportLine[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    // A completely empty line is no record (a trailing newline, a blank line between rows).
    if (cells.length > 1 || cells[0] !== "") lines.push({ line: recordLine, cells });
    cells = [];
  };
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) return { lines, problem: `Line ${recordLine}: a quoted cell is never closed.` };
  endRecord();
  return { lines, problem: null };
}
