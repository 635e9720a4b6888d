"use client";
// Imports the customer's fleet list: a CSV file or pasted text (unit_number, vin, make,
// model, year). The server checks every row first; with any bad row nothing is imported and
// the report names each line, so the list can be fixed here and imported again.
import { type ChangeEvent, type FormEvent, useState } from "react";
import { api } from "~/trpc/react";
import { FormStatus } from "../form-status";
import { ImportReport } from "./import-report";

export function FleetImport({ customerId }: { customerId: string }) {
  const utils = api.useUtils();
  const [csv, setCsv] = useState("");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const importCsv = api.admin.importUnitsCsv.useMutation({
    onSuccess: (result) => {
      if (!result.ok) return;
      setCsv("");
      void utils.unit.fleet.invalidate();
      void utils.admin.invalidate();
    },
  });
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setCsv(await file.text());
      setFileProblem(null);
    } catch (error) {
      setFileProblem(`The file could not be read: ${(error as Error).message}`);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    importCsv.mutate({ customerId, csv });
  };
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="import-heading">
      <h3 id="import-heading">Import fleet list (CSV)</h3>
      <p className="muted">
        The first line names the columns: unit_number (required), asset_tag, vin, make, model, year. Nothing is imported
        while any row is bad.
      </p>
      <label htmlFor="import-file">CSV file</label>
      <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e)} />
      <label htmlFor="import-text">Fleet list (loaded from the file, or pasted)</label>
      <textarea
        id="import-text"
        rows={8}
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
        placeholder={"unit_number,asset_tag,vin,make,model,year\nVA-200,FLT-200,,Honda,CR-V,2023"}
        spellCheck={false}
      />
      <FormStatus error={importCsv.error} problem={fileProblem} />
      {importCsv.data && <ImportReport result={importCsv.data} />}
      <button type="submit" disabled={!csv.trim() || importCsv.isPending}>
        {importCsv.isPending ? "Importing…" : "Import"}
      </button>
    </form>
  );
}
