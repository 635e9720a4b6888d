// What a fleet import did: the count imported, or why nothing was, line by line.
import type { RouterOutputs } from "~/trpc/react";

type ImportResult = RouterOutputs["admin"]["importUnitsCsv"];

export function ImportReport({ result }: { result: ImportResult }) {
  if (result.ok) {
    return (
      <p className="admin-saved" role="status">
        Imported {result.imported} units.
      </p>
    );
  }
  return (
    <div className="error" role="alert" aria-label="Import report">
      <p>
        <strong>Nothing was imported.</strong> Fix{" "}
        {result.rowProblems.length ? `the ${result.rowProblems.length} rows below` : "the file"} and import again.
      </p>
      {result.fileProblems.length > 0 && (
        <ul>
          {result.fileProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {result.rowProblems.length > 0 && (
        <table aria-label="Bad rows">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Unit</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.rowProblems.map((row) => (
              <tr key={row.line}>
                <td>Line {row.line}</td>
                <td>{row.unitNumber ?? "—"}</td>
                <td>{row.problems.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
